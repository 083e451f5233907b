import { readFile } from 'node:fs/promises';

// No call has a signal to pass: a signal parameter would never be given one.
function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function retry(path: string) {
  await delay(100);
  return readFile(path, 'utf8');
}
