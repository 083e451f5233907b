/** The loop reads a local generator that checks the signal and cancels its reader on abort. */
export function fromLines(stream: ReadableStream<string>, signal: AbortSignal) {
  async function* lines(): AsyncGenerator<string> {
    const reader = stream.getReader();
    const cancel = () => void reader.cancel();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      while (true) {
        const { value, done } = await reader.read();
        if (done) break;
        if (signal.aborted) return;
        yield value;
      }
    } finally {
      signal.removeEventListener('abort', cancel);
      reader.releaseLock();
    }
  }

  async function* items(): AsyncGenerator<unknown> {
    for await (const line of lines()) {
      if (line) yield JSON.parse(line);
    }
  }

  return items;
}

/** The same with a closure held in a const that hands the signal on. */
export async function collect(source: (options: { signal: AbortSignal }) => AsyncIterable<string>, signal: AbortSignal) {
  const read = () => source({ signal });
  const out: string[] = [];
  for await (const line of read()) out.push(line);
  return out;
}
