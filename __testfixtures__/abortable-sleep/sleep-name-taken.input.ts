import { readFile } from 'node:fs/promises';

const sleep = 'zzz';

export async function nap(signal: AbortSignal) {
  await new Promise((resolve) => setTimeout(resolve, 10));
  return readFile(sleep);
}
