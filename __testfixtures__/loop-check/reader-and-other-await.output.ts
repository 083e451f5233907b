export async function copy(url: string, sink: Sink, signal: AbortSignal) {
  const response = await fetch(url, { signal });
  const reader = response.body!.getReader();
  while (true) {
    signal.throwIfAborted();
    const { done, value } = await reader.read();
    if (done) break;
    await sink.write(value);
  }
}
