import { setTimeout as sleep } from 'node:timers/promises';

const shutdown = new AbortController();
process.once('SIGTERM', () => shutdown.abort());

async function pollOnce(signal?: AbortSignal) {
  await fetch('https://queue.example.com/next', { signal });
}

async function main() {
  for (;;) {
    await pollOnce(shutdown.signal);
    await sleep(1000);
  }
}

await main();
