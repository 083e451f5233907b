import { setTimeout as sleep } from 'node:timers/promises';

const shutdown = new AbortController();
process.once('SIGTERM', () => shutdown.abort());

async function pollOnce() {
  await fetch('https://queue.example.com/next');
}

async function main() {
  for (;;) {
    await pollOnce();
    await sleep(1000);
  }
}

await main();
