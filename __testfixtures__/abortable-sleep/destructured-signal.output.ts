import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export async function warmUp({ delayMs, signal }: { delayMs: number; signal?: AbortSignal }) {
  await sleep(delayMs, undefined, { signal });
  return createServer();
}

export const drain = async ({ signal: abortSignal }: { signal: AbortSignal }) => {
  await sleep(1_000, undefined, { signal: abortSignal });
};
