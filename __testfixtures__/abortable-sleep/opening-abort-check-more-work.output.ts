import { setTimeout as sleep } from 'node:timers/promises';

interface Queue {
  cancelAll(reason: string): void;
  flush(): Promise<void>;
}

// The wait is not the function's last act: work follows it, which the signal may spare.
export async function drainLater(queue: Queue, signal: AbortSignal) {
  if (signal.aborted) {
    queue.cancelAll('Operation cancelled');
    return;
  }
  await sleep(1000, undefined, { signal });
  await queue.flush();
}
