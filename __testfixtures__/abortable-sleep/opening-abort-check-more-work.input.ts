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
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await queue.flush();
}
