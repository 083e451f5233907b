import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

// Promise.all rejects with the first rejection, as an awaited sleep does: the abort ends the wait.
export async function staggered(delays: number[], signal: AbortSignal) {
  await Promise.all(delays.map((ms) => sleep(ms, undefined, { signal })));
  return hostname();
}

export async function warmAll(hosts: string[], ping: (host: string) => Promise<void>, signal: AbortSignal) {
  await Promise.all(
    hosts.map(async (host, index) => {
      await sleep(index * 50, undefined, { signal });
      await ping(host);
    }),
  );
}
