import { hostname } from 'node:os';

export class Pacer {
  async drain(items: string[], send: (item: string) => Promise<void>, signal: AbortSignal) {
    for (const item of items) {
      await send(item);
      await pause(items.length > 10 ? 20 : null);
    }
    return hostname();
  }
}

// No delay: nothing to wait for, and undefined is fine to await.
function pause(ms: number | null): Promise<unknown> | undefined {
  return typeof ms === 'number' ? new Promise((resolve) => setTimeout(resolve, ms)) : undefined;
}
