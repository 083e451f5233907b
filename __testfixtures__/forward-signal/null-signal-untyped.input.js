import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

// `options` goes to fetch whole: it is a RequestInit, whose signal may be null.
export async function download(url, file, options) {
  if (options?.signal?.aborted) return;
  const response = await fetch(url, options);
  await pipeline(response.body, createWriteStream(file));
}

// Not passed to fetch: nothing says its signal may be null.
export async function save(body, file, options) {
  if (options?.signal?.aborted) return;
  await pipeline(body, createWriteStream(file));
}

// A signal that defaults to null.
export async function saveTo(body, file, signal = null) {
  await pipeline(body, createWriteStream(file));
}
