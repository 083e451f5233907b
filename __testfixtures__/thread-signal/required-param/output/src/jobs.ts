async function download(url: string, signal?: AbortSignal) {
  return (await fetch(url, { signal })).text();
}

async function store(key: string, body: string, signal?: AbortSignal) {
  await fetch(`https://store.example.com/${key}`, { method: 'PUT', body, signal });
}

/** Called from a timer with no signal: its parameter stays optional, and so does store's. */
async function sync(key: string, signal?: AbortSignal) {
  await store(key, await download(`https://source.example.com/${key}`, signal), signal);
}

setInterval(() => void sync('daily'), 60_000);

export async function handler(request: Request) {
  return download(request.url, request.signal);
}

export async function refresh(key: string, options?: { signal?: AbortSignal }) {
  await store(key, 'refreshed', options?.signal);
}

/** A required parameter cannot follow an optional one. */
export async function fetchPage(url: string, page?: number, signal?: AbortSignal) {
  return fetch(`${url}?page=${page ?? 1}`, { signal });
}

export async function pages(request: Request) {
  return fetchPage(request.url, undefined, request.signal);
}

/** Nothing in the project calls it (a framework does, with arguments of its own): not threaded. */
export async function onStartup() {
  await fetch('https://warm.example.com');
}
