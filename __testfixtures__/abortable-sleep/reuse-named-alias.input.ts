import { setTimeout as delay } from 'node:timers/promises';

export async function tick(signal: AbortSignal) {
  await delay(5);
  await new Promise((resolve) => setTimeout(resolve, 10));
}
