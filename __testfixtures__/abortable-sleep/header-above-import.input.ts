/**
 * The poller.
 */
import { log } from './log';

export async function f(signal: AbortSignal) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  log(1);
}
