import { readFile } from 'node:fs/promises';

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function staggered(signal: AbortSignal) {
  await Promise.all([1, 2].map(sleep));
  await sleep(10);
  return readFile('x');
}
