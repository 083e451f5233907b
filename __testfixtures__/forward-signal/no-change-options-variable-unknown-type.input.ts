import type { FetchOptions } from './types';

export async function get(url: string, options: FetchOptions, signal: AbortSignal) {
  await fetch(url, options);
  await fetch(url, { ...options, method: 'GET' });
}
