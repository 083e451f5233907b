import { log } from './log';
// The file system, for the cache.
import { readFileSync } from 'node:fs'; // sync on purpose
import { setTimeout as sleep } from 'node:timers/promises';

export async function f(signal: AbortSignal) {
  await sleep(500, undefined, { signal });
  log(readFileSync('a'));
}
