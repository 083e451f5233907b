import { setImmediate } from 'node:timers/promises';

export async function tick(signal: AbortSignal) {
  await setImmediate();
  await new Promise((resolve) => setTimeout(resolve, 10));
}
