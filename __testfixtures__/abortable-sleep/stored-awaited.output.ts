import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export async function waitThenRead(ms: number, signal: AbortSignal) {
  const wait = sleep(ms, undefined, { signal });
  await wait;
  return hostname();
}

export async function waitForValue(ms: number, signal: AbortSignal) {
  let pause: Promise<unknown> = sleep(ms, undefined, { signal });
  const value = await pause;
  return value;
}

export async function waitAndReturn(ms: number, signal: AbortSignal) {
  const wait = sleep(ms, undefined, { signal });
  return wait;
}
