import {readFile} from 'node:fs/promises';

export type GetOptions = {retries?: number};

export async function getJson(url: string, options: GetOptions = {}) {
  return (await fetch(url, {headers: {'x-retries': String(options.retries ?? 0)}})).json();
}

export async function ping(url: string) {
  return fetch(url, {method: 'HEAD'});
}

export async function readPage(name: string) {
  return readFile(`pages/${name}.html`, 'utf8');
}

export async function handler(request: Request) {
  await ping(request.url);
  const page = await readPage('index');
  return getJson(page, {retries: 2});
}
