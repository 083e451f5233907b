import { setImmediate, setTimeout as sleep } from 'node:timers/promises';

export async function tick() {
  await setImmediate();
  await sleep(10);
}
