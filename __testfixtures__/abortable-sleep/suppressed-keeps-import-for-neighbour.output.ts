import { setTimeout as sleep } from 'node:timers/promises';

export async function poll(signal: AbortSignal) {
  // ctxmod-ignore-next-line sleep-without-signal
  await new Promise((resolve) => setTimeout(resolve, 100));
  await sleep(200, undefined, { signal });
}
