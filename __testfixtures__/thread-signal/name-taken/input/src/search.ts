async function retrieve(query: string, signal?: AbortSignal) {
  const res = await fetch(`/search?q=${query}`, { signal });
  return res.json();
}

export async function send(query: string) {
  // TODO: honour the abort signal here
  const meta = { signal: 'label' };
  console.log(meta.signal, 'signal');
  return retrieve(query);
}

export async function sendAll(queries: string[]) {
  // A callback's own `signal` would capture the one passed to retrieve.
  return Promise.all(queries.map((query) => queries.filter((signal) => signal !== query).length && retrieve(query)));
}

const signal = AbortSignal.timeout(1000);

export async function sendWithOuter(query: string) {
  console.log(signal.aborted);
  return retrieve(query);
}

export async function main(request: Request) {
  await send('a');
  await sendAll(['b']);
  await sendWithOuter('c');
  return request.url;
}
