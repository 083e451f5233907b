export async function forward(job: Request) {
  // A Request parameter makes a root: passing the Request on passes its signal.
  return fetch(job);
}

export async function send(url: string, signal?: AbortSignal) {
  return fetch(new Request(url), { signal });
}

export async function proxy(request: Request) {
  await forward(request);
  await send(request.url, request.signal);
  return fetch(request);
}

export async function upload(url: string, init: RequestInit) {
  return fetch(new Request(url, init));
}

export async function handle(request: Request) {
  await upload(request.url, { method: 'PUT', signal: request.signal });
}
