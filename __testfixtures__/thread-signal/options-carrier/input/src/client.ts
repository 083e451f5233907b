export interface GetOptions {
  retries?: number;
}

export async function getJson(url: string, options: GetOptions = {}) {
  return (await fetch(url, { headers: { 'x-retries': String(options.retries ?? 0) } })).json();
}

export async function getText(url: string, opts?: { cache?: boolean }) {
  return (await fetch(url)).text();
}

export type PostOptions = { body: string };

export async function post(url: string, options: PostOptions) {
  return fetch(url, { method: 'POST', body: options.body });
}

export async function ping(url: string) {
  return fetch(url, { method: 'HEAD' });
}
