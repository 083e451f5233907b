// Copyright header
import { readFile } from 'node:fs/promises';
import { setTimeout as setTimeoutPromise } from 'node:timers/promises';

const sleep = (ms: number, signal?: AbortSignal) => setTimeoutPromise(ms, undefined, { signal });

export async function poll(url: string, signal: AbortSignal) {
  for (;;) {
    await sleep(1000, signal);
    await setTimeoutPromise(50, undefined, { signal });
    [1, 2].forEach(async () => {
      await setTimeoutPromise(10, undefined, { signal });
    });
  }
}

async function other({ signal }: { signal?: AbortSignal }) {
  await sleep(5, signal);
}
