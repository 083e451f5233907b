export async function get(url: string, init: RequestInit = {}) {
  return fetch(url, { method: 'GET', signal: AbortSignal.timeout(3000), ...init });
}
