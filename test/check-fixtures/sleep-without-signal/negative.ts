import { setTimeout as sleep } from 'node:timers/promises';

export async function poll(check: () => boolean, signal: AbortSignal) {
  while (!check()) await sleep(1_000, undefined, { signal });
}

// A timer that is not a sleep.
export function later(fn: () => void) {
  setTimeout(fn, 1_000);
}
