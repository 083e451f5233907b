import got from 'got';

export async function fetchJson(url, options) {
  return got(url, { timeout: { request: 5000 }, retry: { limit: 0 }, signal: options.signal }).json();
}

export async function fetchText(url, { signal }) {
  return got.get(url, { timeout: { connect: 500, response: 2000 }, signal }).text();
}
