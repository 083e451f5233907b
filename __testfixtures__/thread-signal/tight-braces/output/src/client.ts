import {readFile} from 'node:fs/promises';

export type GetOptions = {retries?: number; signal?: AbortSignal};

export async function getJson(url: string, options: GetOptions = {}) {
  return (await fetch(url, {headers: {'x-retries': String(options.retries ?? 0)}, signal: options.signal})).json();
}

export async function ping(url: string, options?: {signal?: AbortSignal}) {
  return fetch(url, {method: 'HEAD', signal: options?.signal});
}

export async function readPage(name: string, options?: {signal?: AbortSignal}) {
  return readFile(`pages/${name}.html`, {encoding: 'utf8', signal: options?.signal});
}

export async function handler(request: Request) {
  await ping(request.url, {signal: request.signal});
  const page = await readPage('index', {signal: request.signal});
  return getJson(page, {retries: 2, signal: request.signal});
}
