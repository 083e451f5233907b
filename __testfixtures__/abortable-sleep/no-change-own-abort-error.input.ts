export class CancelledError extends Error {}

// A retry loop that reports an abort as its own CancelledError before each attempt: a sleep
// given the signal would reject with an AbortError instead.
export async function retry<T>(fn: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    if (signal.aborted) throw new CancelledError('retry cancelled');
    try {
      return await fn();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}
