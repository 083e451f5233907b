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
