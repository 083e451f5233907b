import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

// A RequestInit's signal may be null, which fetch takes and Node's APIs reject.
export async function getWithPause(url: string, init: RequestInit = {}) {
  if (init.signal?.aborted) throw new Error('aborted');
  await sleep(10, undefined, { signal: init.signal ?? undefined });
  return fetch(url, init);
}

export async function loadWithInit(path: string, init: RequestInit = {}) {
  return readFile(path, 'utf8');
}
