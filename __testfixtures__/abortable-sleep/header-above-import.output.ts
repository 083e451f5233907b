/**
 * The poller.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { log } from './log';

export async function f(signal: AbortSignal) {
  await sleep(500, undefined, { signal });
  log(1);
}
