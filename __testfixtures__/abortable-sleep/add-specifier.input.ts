import { setImmediate } from 'node:timers/promises';

export async function tick() {
  await setImmediate();
  await new Promise((resolve) => setTimeout(resolve, 10));
}
