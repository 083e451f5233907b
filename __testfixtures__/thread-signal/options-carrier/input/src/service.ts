import { getJson, getText, ping, post } from './client.js';

export async function refresh(id: string) {
  await ping(`/ping/${id}`);
  await post(`/items/${id}`, { body: id });
  const text = await getText(`/items/${id}`, { cache: true });
  return getJson(text);
}

export async function handler(request: Request) {
  return refresh(request.url);
}
