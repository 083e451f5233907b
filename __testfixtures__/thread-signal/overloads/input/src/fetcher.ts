export function get(url: string): Promise<Response>;
export function get(url: URL): Promise<Response>;
export function get(url: string | URL): Promise<Response> {
  return fetch(url);
}

export function post(url: string): Promise<Response>;
export function post(url: string, body: string): Promise<Response>;
export function post(url: string, body?: string): Promise<Response> {
  return fetch(url, { method: 'POST', body });
}

export async function handler(request: Request) {
  await post(request.url);
  return get(new URL(request.url));
}
