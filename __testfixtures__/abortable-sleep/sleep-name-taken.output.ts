import { readFile } from 'node:fs/promises';
import { setTimeout as setTimeoutPromise } from 'node:timers/promises';

const sleep = 'zzz';

export async function nap(signal: AbortSignal) {
  await setTimeoutPromise(10, undefined, { signal });
  return readFile(sleep);
}
