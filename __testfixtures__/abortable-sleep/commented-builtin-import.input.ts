import { log } from './log';
// The file system, for the cache.
import { readFileSync } from 'node:fs'; // sync on purpose

export async function f(signal: AbortSignal) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  log(readFileSync('a'));
}
