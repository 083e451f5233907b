import { readFile } from 'node:fs/promises';

export async function load(path, init) {
  if (init.signal?.aborted) return undefined;
  const text = await readFile(path, { encoding: 'utf8', signal: init?.signal ?? undefined });
  return fetch(text, init);
}
