// Copyright header
import { readFile } from 'node:fs/promises';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function poll(url: string, signal: AbortSignal) {
  for (;;) {
    await sleep(1000);
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
    [1, 2].forEach(async () => {
      await new Promise(function (resolve) { setTimeout(() => resolve(), 10); });
    });
  }
}

async function other({ signal }: { signal?: AbortSignal }) {
  await sleep(5);
}
