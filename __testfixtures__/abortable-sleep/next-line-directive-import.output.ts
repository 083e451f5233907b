/* Copyright Example */
import { setTimeout as sleep } from 'node:timers/promises';
// eslint-disable-next-line import/no-unresolved
import { log } from './log';

export async function f() {
  await sleep(500);
  log(1);
}
