export async function get(url: string, init: RequestInit) {
  return fetch(url, { ...init, cache: 'no-store' });
}
