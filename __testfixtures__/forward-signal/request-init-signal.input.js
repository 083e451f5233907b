import { readFile } from 'node:fs/promises';

export async function load(path, init) {
  if (init.signal?.aborted) return undefined;
  const text = await readFile(path, 'utf8');
  return fetch(text, init);
}
