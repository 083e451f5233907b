import ky from 'ky';
import fetch from 'node-fetch';

export function search(query: string, signal: AbortSignal) {
  return ky.get('https://example.com/search', { searchParams: { query }, timeout: 3000 }).json();
}

export async function download(url: string, init: { signal?: AbortSignal }) {
  const response = await fetch(url, { timeout: 30_000 });
  return response.buffer();
}
