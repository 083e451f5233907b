// @ts-check

import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits before the next poll.
 * @param {AbortSignal} signal
 */
export async function pause(signal) {
  await sleep(100, undefined, { signal });
}
