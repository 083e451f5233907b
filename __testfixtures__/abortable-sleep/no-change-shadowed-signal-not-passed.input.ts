import os from 'node:os';

export async function notify(signal: string) {
  await new Promise((resolve) => setTimeout(resolve, 10));
  console.log(signal);
}

export async function shutdown(pid: number, signal: AbortSignal) {
  const handler = async () => {
    const signal = os.constants.signals.SIGTERM;
    await new Promise((resolve) => setTimeout(resolve, 500));
    process.kill(pid, signal);
  };
  await handler();
}
