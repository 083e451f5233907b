export function get(url: string, signal?: AbortSignal): Promise<Response>;
export function get(url: URL, signal?: AbortSignal): Promise<Response>;
export function get(url: string | URL, signal?: AbortSignal): Promise<Response> {
  return fetch(url, { signal });
}

export function post(url: string): Promise<Response>;
export function post(url: string, body: string): Promise<Response>;
export function post(url: string, body?: string): Promise<Response> {
  return fetch(url, { method: 'POST', body });
}

export async function handler(request: Request) {
  await post(request.url);
  return get(new URL(request.url), request.signal);
}
