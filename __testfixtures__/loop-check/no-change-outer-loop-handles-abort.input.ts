export async function waitForReady(proc: Proc, reader: ReadableStreamDefaultReader<string>, abortSignal?: AbortSignal) {
  while (true) {
    if (abortSignal?.aborted) {
      await proc.kill();
      throw abortSignal.reason;
    }
    const { value, done } = await reader.read();
    if (done) throw new Error('exited before ready');
    for (const line of value.split('\n')) {
      const parsed = await parseJson(line);
      if (parsed.ready) return parsed.port;
    }
  }
}
