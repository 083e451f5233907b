import { readFile } from 'node:fs/promises';

// A RequestInit's signal may be null, which fetch takes and Node's APIs reject.
export async function getWithPause(url: string, init: RequestInit = {}) {
  if (init.signal?.aborted) throw new Error('aborted');
  await new Promise((resolve) => setTimeout(resolve, 10));
  return fetch(url, init);
}

export async function loadWithInit(path: string, init: RequestInit = {}) {
  return readFile(path, 'utf8');
}
