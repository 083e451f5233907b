export async function load(id: string, signal?: AbortSignal) {
  return fetch(`/items/${id}`, { signal });
}

export async function handler(request: Request) {
  return load(request.url, request.signal);
}
