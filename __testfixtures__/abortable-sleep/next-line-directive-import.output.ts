/* Copyright Example */
import { setTimeout as sleep } from 'node:timers/promises';
// eslint-disable-next-line import/no-unresolved
import { log } from './log';

export async function f(signal: AbortSignal) {
  await sleep(500, undefined, { signal });
  log(1);
}
