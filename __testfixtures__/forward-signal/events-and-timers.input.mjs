import { once, on } from 'node:events';
import { setTimeout as delay, setInterval } from 'node:timers/promises';

export async function waitReady(emitter, signal) {
  const [value] = await once(emitter, 'ready');
  await delay(100);
  for await (const tick of setInterval(1000)) {
    console.log(tick);
  }
  for await (const [event] of on(emitter, 'data')) {
    console.log(event, value);
  }
}
