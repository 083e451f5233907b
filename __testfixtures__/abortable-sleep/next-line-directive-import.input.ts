/* Copyright Example */
// eslint-disable-next-line import/no-unresolved
import { log } from './log';

export async function f(signal: AbortSignal) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  log(1);
}
