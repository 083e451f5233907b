import { delay } from './delay.js';

export class JobCancelled extends Error {}

/** Returns as soon as the buffer drains or the signal aborts: an abort is no error here. */
export async function waitForDrain(socket: { bufferedAmount: number }, { abortSignal }: { abortSignal?: AbortSignal } = {}) {
  while (socket.bufferedAmount > 0) {
    if (abortSignal?.aborted === true) {
      return;
    }
    await delay(20);
  }
}

/** Callers catch JobCancelled, not an AbortError. */
export async function settle(job: { done(): Promise<boolean> }, signal: AbortSignal) {
  await delay(1000);
  if (signal.aborted) throw new JobCancelled();
  return job.done();
}

/** A fetch with options of its own: the caller's init, signal and all, is spread through the assertion. */
export function createFetch(keepalive: boolean) {
  return (input: RequestInfo | URL, init?: RequestInit) => fetch(input as RequestInfo, { ...init, keepalive } as RequestInit);
}

/** After an abort it pushes nothing more and returns: no error. */
export async function emitLater(out: string[], signal?: AbortSignal) {
  out.push('hello');
  await delay(10);
  if (!signal?.aborted) {
    out.push('world');
  }
}

/** Kills the process it waits on once the signal aborts, then stops with the signal's reason. */
export async function waitForExit(proc: { kill(): void; exited: boolean }, signal: AbortSignal) {
  while (!proc.exited) {
    if (signal.aborted) {
      proc.kill();
      throw signal.reason;
    }
    await delay(50);
  }
}
