export async function fetchAll(urls: string[], init: RequestInit) {
  for (const url of urls) {
    await fetch(url, init);
  }
}

export async function readAll(url: string, signal: AbortSignal) {
  const response = await fetch(url, { signal });
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return chunks;
}

export async function sendAll(ids: string[], options: { signal?: AbortSignal; retries: number }) {
  const request = { ...options, method: 'POST' };
  for (const id of ids) {
    await send(id, request);
  }
}
