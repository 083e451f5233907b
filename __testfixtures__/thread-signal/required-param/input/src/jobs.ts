async function download(url: string) {
  return (await fetch(url)).text();
}

async function store(key: string, body: string) {
  await fetch(`https://store.example.com/${key}`, { method: 'PUT', body });
}

/** Called from a timer with no signal: its parameter stays optional, and so does store's. */
async function sync(key: string) {
  await store(key, await download(`https://source.example.com/${key}`));
}

setInterval(() => void sync('daily'), 60_000);

export async function handler(request: Request) {
  return download(request.url);
}

export async function refresh(key: string, options?: { signal?: AbortSignal }) {
  await store(key, 'refreshed');
}

/** A required parameter cannot follow an optional one. */
export async function fetchPage(url: string, page?: number) {
  return fetch(`${url}?page=${page ?? 1}`);
}

export async function pages(request: Request) {
  return fetchPage(request.url);
}

/** Nothing in the project calls it (a framework does, with arguments of its own): not threaded. */
export async function onStartup() {
  await fetch('https://warm.example.com');
}
