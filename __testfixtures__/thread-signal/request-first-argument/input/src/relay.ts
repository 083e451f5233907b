export async function forward(job: Request) {
  // A Request parameter makes a root: passing the Request on passes its signal.
  return fetch(job);
}

export async function send(url: string) {
  return fetch(new Request(url));
}

export async function proxy(request: Request) {
  await forward(request);
  await send(request.url);
  return fetch(request);
}

export async function upload(url: string, init: RequestInit) {
  return fetch(new Request(url, init));
}

export async function handle(request: Request) {
  await upload(request.url, { method: 'PUT' });
}
