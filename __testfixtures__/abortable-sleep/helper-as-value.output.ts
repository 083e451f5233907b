import { readFile } from 'node:fs/promises';
import { setTimeout as setTimeoutPromise } from 'node:timers/promises';

function sleep(ms: number) {
  return setTimeoutPromise(ms);
}

export async function staggered(signal: AbortSignal) {
  await Promise.all([1, 2].map(sleep));
  await sleep(10);
  return readFile('x');
}
