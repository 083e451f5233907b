import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

export async function retry(emitter: EventEmitter, attempts: number, signal: AbortSignal) {
  for (let i = 0; i < attempts; i++) {
    emitter.emit('attempt', i);
    await sleep(100 * i, undefined, { signal });
    await sleep(50, undefined, { signal });
    await sleep(25, undefined, { signal });
    await sleep(10, undefined, { signal });
  }
}
