import { setTimeout as sleep } from 'node:timers/promises';

// A signal typed `| null` goes to node:timers/promises as `signal ?? undefined`.
function delay(ms: number, signal?: AbortSignal) {
  return sleep(ms, undefined, { signal });
}

export async function poll(check: () => boolean, signal: AbortSignal | null) {
  while (!check()) {
    await delay(100, signal ?? undefined);
  }
}

export async function settle({ signal }: { signal?: AbortSignal | null }) {
  await sleep(50, undefined, { signal: signal ?? undefined });
}
