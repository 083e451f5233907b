export async function load(id: string) {
  return fetch(`/items/${id}`);
}

export async function loadMany(ids: string[]) {
  return Promise.all(ids.map(load));
}

export const registry = { load };

export async function handler(request: Request) {
  return loadMany([request.url]);
}
