import type { readFile } from 'node:fs/promises';

declare const load: typeof readFile;

export async function read(path: string, signal: AbortSignal) {
  return load(path);
}
