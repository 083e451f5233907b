import { hostname } from 'node:os';

function wait(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// The first of several sleeps: with the signal, an abort would settle the race with an AbortError.
export async function firstSlot(slots: number[], signal: AbortSignal) {
  await Promise.race(slots.map((ms) => new Promise((resolve) => setTimeout(resolve, ms))));
  return hostname();
}

// A sleep in the callback of a raced map, behind a helper.
export async function firstReady(hosts: string[], probe: (host: string) => Promise<void>, signal: AbortSignal) {
  await Promise.race(
    hosts.map(async (host) => {
      await wait(100);
      await probe(host);
    }),
  );
}
