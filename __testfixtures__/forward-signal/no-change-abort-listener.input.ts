import { spawn, type ChildProcess } from 'node:child_process';
import { addAbortListener } from 'node:events';

// Returns what the command printed until the abort: the listener stops the child gracefully,
// where a signal given to spawn() would kill it and fail with an AbortError.
export function capture(cmd: string, args: string[], signal: AbortSignal): Promise<string> {
  const child = spawn(cmd, args);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  signal.addEventListener('abort', () => child.kill('SIGINT'), { once: true });
  return new Promise((resolve) => child.on('close', () => resolve(output)));
}

// The reader is cancelled on abort, which ends the loop quietly; a signal given to fetch()
// would make read() reject instead.
export async function readUntilAbort(url: string, signal: AbortSignal) {
  const response = await fetch(url);
  const reader = response.body!.getReader();
  signal.addEventListener('abort', () => reader.cancel());
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) size += chunk.value.length;
  return size;
}

// The listener calls a local function that stops the child.
export function serve(cmd: string, signal: AbortSignal) {
  let child: ChildProcess | undefined;
  function stop() {
    child?.kill('SIGTERM');
  }
  signal.onabort = stop;
  child = spawn(cmd);
  return child;
}

// The same with events.addAbortListener() and a child kept in a field.
export class Recorder {
  private child?: ChildProcess;

  start(cmd: string, signal: AbortSignal) {
    addAbortListener(signal, () => this.child?.kill('SIGINT'));
    this.child = spawn(cmd);
  }
}
