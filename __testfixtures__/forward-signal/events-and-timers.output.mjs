import { once, on } from 'node:events';
import { setTimeout as delay, setInterval } from 'node:timers/promises';

export async function waitReady(emitter, signal) {
  const [value] = await once(emitter, 'ready', { signal });
  await delay(100, undefined, { signal });
  for await (const tick of setInterval(1000, undefined, { signal })) {
    console.log(tick);
  }
  for await (const [event] of on(emitter, 'data', { signal })) {
    console.log(event, value);
  }
}
