/*!
 * A license header pasted in with CRLF line endings.
 */
import { setTimeout as sleep } from 'node:timers/promises';

function wait(ms, signal) {
  return sleep(ms, undefined, { signal });
}

export async function poll(check, signal) {
  while (!(await check())) {
    await sleep(250, undefined, { signal });
  }
}
