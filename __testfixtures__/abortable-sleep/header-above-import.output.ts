/**
 * The poller.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { log } from './log';

export async function f() {
  await sleep(500);
  log(1);
}
