import type { Store } from './store.js';

export class HttpStore implements Store {
  async get(key: string) {
    const response = await fetch(`https://store.example.com/${key}`);
    return response.text();
  }

  async put(key: string, value: string, retries = 0) {
    await fetch(`https://store.example.com/${key}?retries=${retries}`, { method: 'PUT', body: value });
  }
}

/** Overrides get: the family is Store.get, HttpStore.get, CachedStore.get and MemoryStore.get. */
export class CachedStore extends HttpStore {
  private readonly cache = new Map<string, string>();

  override async get(key: string) {
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const value = await super.get(key);
    this.cache.set(key, value);
    return value;
  }
}
