import { connect } from 'node:net';

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
    await new Promise((resolve) => setTimeout(resolve, options.interval));
  }
}

export async function logLater(message: string, options: LogOptions) {
  await new Promise((resolve) => setTimeout(resolve, 10));
  console.log(options.signal, message);
}
