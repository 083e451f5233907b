interface Queue {
  active: boolean;
  cancelAll(reason: string): void;
  step(): Promise<boolean>;
}

// Each call first ends the work quietly once the signal aborted (cancelling what is queued); the
// short wait before `return true` only paces the next call, which the loop makes at once.
export async function processQueue(queue: Queue, signal: AbortSignal) {
  while (await processNext(queue, signal));
}

async function processNext(queue: Queue, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) {
    queue.cancelAll('Operation cancelled');
    return false;
  }
  if (await queue.step()) return true;
  if (queue.active) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    return true;
  }
  return false;
}
