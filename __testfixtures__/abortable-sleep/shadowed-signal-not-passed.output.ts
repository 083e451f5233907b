import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export async function notify(signal: string) {
  await sleep(10);
  console.log(signal);
}

export async function shutdown(pid: number, signal: AbortSignal) {
  const handler = async () => {
    const signal = os.constants.signals.SIGTERM;
    await sleep(500);
    process.kill(pid, signal);
  };
  await handler();
}
