import type { Store } from './store.js';

export async function read(store: Store, request: Request) {
  return store.get(new URL(request.url).pathname, request.signal);
}

export async function write(store: Store, request: Request) {
  await store.put(new URL(request.url).pathname, await request.text());
}
