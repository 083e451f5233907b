import { readFile } from 'node:fs/promises';

export interface GetOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Takes the signal, but only as an exact optional property: no undefined. */
export async function get(url: string, options: GetOptions = {}) {
  return fetch(url, { headers: options.headers ?? {}, signal: options.signal ?? null });
}

export interface CacheOptions {
  encoding: BufferEncoding;
  signal?: AbortSignal | undefined;
}

// The options the pass extends get `signal?: AbortSignal | undefined`.
export async function download(url: string, options?: { signal?: AbortSignal | undefined }) {
  const res = await fetch(url, { signal: options?.signal ?? null });
  return res.text();
}

export async function readCache(path: string, options: CacheOptions) {
  return readFile(path, { encoding: options.encoding, signal: options.signal });
}
