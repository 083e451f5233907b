import type { ChildProcess } from 'node:child_process';

// A poll that kills the process it waits on when the signal aborts, at the top of each round:
// a sleep given the signal would reject first and leave the process running.
export async function waitForReady(proc: ChildProcess, ready: () => boolean, signal?: AbortSignal) {
  while (!ready()) {
    if (signal?.aborted) {
      proc.kill();
      throw signal.reason;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
