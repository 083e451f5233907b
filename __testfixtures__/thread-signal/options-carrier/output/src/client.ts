export interface GetOptions {
  retries?: number;
  signal?: AbortSignal;
}

export async function getJson(url: string, options: GetOptions = {}) {
  return (await fetch(url, { headers: { 'x-retries': String(options.retries ?? 0) }, signal: options.signal })).json();
}

export async function getText(url: string, opts?: { cache?: boolean; signal?: AbortSignal }) {
  return (await fetch(url, { signal: opts?.signal })).text();
}

export type PostOptions = { body: string; signal?: AbortSignal };

export async function post(url: string, options: PostOptions) {
  return fetch(url, { method: 'POST', body: options.body, signal: options.signal });
}

export async function ping(url: string, options?: { signal?: AbortSignal }) {
  return fetch(url, { method: 'HEAD', signal: options?.signal });
}
