import { setTimeout as sleep } from 'node:timers/promises';

// This file already imports node:timers/promises: it is Node code, whatever else its package builds for.
export async function tick(signal: AbortSignal) {
  await sleep(10);
  await new Promise((resolve) => setTimeout(resolve, 20));
}
