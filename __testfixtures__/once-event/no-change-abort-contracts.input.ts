import type { ChildProcess } from 'node:child_process';

export class CancelledError extends Error {}

// Waits for the exit that the abort listener brings about: with the signal, the wait would
// reject with an AbortError instead of returning the exit code.
export async function stopOnAbort(child: ChildProcess, signal: AbortSignal) {
  signal.addEventListener('abort', () => child.kill('SIGINT'), { once: true });
  const code = await new Promise((resolve, reject) => {
    child.once('exit', resolve);
    child.once('error', reject);
  });
  return code;
}

// Reports an abort as its own error once the wait is over.
export async function waitForReady(server: NodeJS.EventEmitter, signal: AbortSignal) {
  await new Promise((resolve, reject) => {
    server.once('ready', resolve);
    server.once('error', reject);
  });
  if (signal.aborted) throw new CancelledError('not ready');
}

// The catch turns every failure into the code's own error.
export async function waitForDrain(socket: NodeJS.EventEmitter, signal: AbortSignal) {
  try {
    await new Promise((resolve, reject) => {
      socket.once('drain', resolve);
      socket.once('error', reject);
    });
  } catch (error) {
    throw new CancelledError('socket failed', { cause: error });
  }
}

// The listener stops the child whose output the promise waits on.
export async function drainOutput(child: ChildProcess, signal: AbortSignal) {
  const output = child.stdout!;
  signal.addEventListener('abort', () => child.kill('SIGINT'), { once: true });
  await new Promise((resolve, reject) => {
    output.once('end', resolve);
    output.once('error', reject);
  });
}
