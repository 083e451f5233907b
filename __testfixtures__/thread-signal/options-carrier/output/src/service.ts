import { getJson, getText, ping, post } from './client.js';

export async function refresh(id: string, options?: { signal?: AbortSignal }) {
  await ping(`/ping/${id}`, { signal: options?.signal });
  await post(`/items/${id}`, { body: id, signal: options?.signal });
  const text = await getText(`/items/${id}`, { cache: true, signal: options?.signal });
  return getJson(text, { signal: options?.signal });
}

export async function handler(request: Request) {
  return refresh(request.url, { signal: request.signal });
}
