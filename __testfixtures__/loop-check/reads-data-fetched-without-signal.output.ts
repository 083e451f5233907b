interface Api {
  list(): Promise<string[]>;
  stream(ids: string[]): AsyncIterable<string>;
  load(id: string, signal: AbortSignal): Promise<string>;
}

// The iterated stream comes from a call without the signal: the loop gets its check.
export async function readAll(api: Api, signal: AbortSignal) {
  const ids = await api.list();
  const out: string[] = [];
  for await (const id of api.stream(ids)) {
    signal.throwIfAborted();
    out.push(id);
  }
  return out;
}
