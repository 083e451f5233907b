import { readFile } from 'node:fs/promises';

/** A file read is short local work: no reason to add a signal parameter. */
export async function loadConfig(path: string) {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}
