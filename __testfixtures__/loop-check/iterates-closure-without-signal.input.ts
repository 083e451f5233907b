/** The local generator never looks at the signal, and the abort listener ends something else. */
export function fromLines(stream: ReadableStream<string>, signal: AbortSignal, onAbort: () => void) {
  signal.addEventListener('abort', onAbort, { once: true });
  const lines = () => stream.values();

  async function* items(): AsyncGenerator<unknown> {
    for await (const line of lines()) {
      if (line) yield JSON.parse(line);
    }
  }

  return items;
}

/** A function of the same name outside the signal's function is not the closure: no signal. */
export async function collect(stream: ReadableStream<string>, signal: AbortSignal) {
  const out: string[] = [];
  for await (const line of read(stream)) out.push(line);
  return out;
}

function read(stream: ReadableStream<string>) {
  const signal = AbortSignal.timeout(1000);
  return signal.aborted ? [] : stream.values();
}
