// The loop iterates a local generator that stops on abort itself.
export function fromLines(stream: ReadableStream<string>, signal: AbortSignal) {
  async function* lines(): AsyncGenerator<string> {
    const reader = stream.getReader();
    const cancel = () => void reader.cancel();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done || signal.aborted) return;
        yield value;
      }
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }

  return async function* items(): AsyncGenerator<unknown> {
    for await (const line of lines()) yield JSON.parse(line);
  };
}
