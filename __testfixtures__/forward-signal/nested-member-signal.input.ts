import { readFile } from 'node:fs/promises';

interface RunContext {
  options: { signal?: AbortSignal; retries: number };
}

interface Required {
  options: { signal: AbortSignal };
}

export async function run(context: RunContext, path: string) {
  return readFile(path, 'utf8');
}

export async function runRequired(context: Required, url: string) {
  return fetch(url);
}

export async function handle(req: { raw: { signal?: AbortSignal } } | undefined, url: string) {
  return fetch(url, { method: 'POST' });
}

export class Client {
  constructor(private config: { baseUrl: string; signal?: AbortSignal }) {}

  get aborted() {
    return this.config.signal?.aborted ?? false;
  }

  async get(path: string) {
    const load = async () => fetch(this.config.baseUrl + path);
    return load();
  }
}
