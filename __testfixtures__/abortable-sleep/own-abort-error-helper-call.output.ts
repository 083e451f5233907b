import { setTimeout as sleep } from 'node:timers/promises';

export class CancelledError extends Error {}

function wait(ms: number, signal?: AbortSignal) {
  return sleep(ms, undefined, { signal });
}

// Reports an abort as its own CancelledError: its call of wait() does not get the signal.
export async function poll(check: () => Promise<boolean>, signal: AbortSignal) {
  while (!(await check())) {
    if (signal.aborted) throw new CancelledError('poll cancelled');
    await wait(250);
  }
}

export async function pause(signal: AbortSignal) {
  await wait(1000, signal);
}
