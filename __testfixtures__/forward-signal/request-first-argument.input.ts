export async function relay(url: string, signal: AbortSignal, job: Request, input: RequestInfo) {
  const upstream = new AbortController();
  await fetch(new Request(url, { signal: upstream.signal }));
  await fetch(job);
  await fetch(input, { method: 'POST' });
  // A Request built here without a signal has none to lose.
  await fetch(new Request(url, { method: 'HEAD' }));
  await fetch(new Request(url));
  await fetch(url);
}

export async function proxy(request: Request) {
  // The handler's own Request: its signal is the one in scope.
  return fetch(request);
}
