import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

// The caller awaits what the function returns, so the sleep is waited for at once.
export async function cooldown(ms: number, signal: AbortSignal) {
  console.log('cooling down on', hostname());
  return sleep(ms, undefined, { signal });
}
