import type { Store } from './store.js';

export class MemoryStore implements Store {
  private readonly data = new Map<string, string>();

  async get(key: string, signal?: AbortSignal) {
    return this.data.get(key) ?? '';
  }

  async put(key: string, value: string) {
    this.data.set(key, value);
  }
}
