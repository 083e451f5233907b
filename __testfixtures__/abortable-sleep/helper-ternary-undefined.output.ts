import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export class Pacer {
  async drain(items: string[], send: (item: string) => Promise<void>, signal: AbortSignal) {
    for (const item of items) {
      await send(item);
      await pause(items.length > 10 ? 20 : null, signal);
    }
    return hostname();
  }
}

// No delay: nothing to wait for, and undefined is fine to await.
function pause(ms: number | null, signal?: AbortSignal): Promise<unknown> | undefined {
  return typeof ms === 'number' ? sleep(ms, undefined, { signal }) : undefined;
}
