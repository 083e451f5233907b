import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

interface PollOptions {
  interval: number;
  signal?: AbortSignal;
}

interface LogOptions {
  signal: string;
}

export async function pollPort(port: number, options: PollOptions) {
  for (;;) {
    const socket = connect(port);
    socket.destroy();
    await sleep(options.interval, undefined, { signal: options.signal });
  }
}

export async function logLater(message: string, options: LogOptions) {
  await new Promise((resolve) => setTimeout(resolve, 10));
  console.log(options.signal, message);
}
