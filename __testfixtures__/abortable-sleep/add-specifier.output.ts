import { setImmediate, setTimeout as sleep } from 'node:timers/promises';

export async function tick(signal: AbortSignal) {
  await setImmediate();
  await sleep(10, undefined, { signal });
}
