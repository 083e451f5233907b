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

// The catch around the wait turns every failure into the code's own error.
export async function throttle(signal: AbortSignal) {
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } catch (error) {
    throw new CancelledError('throttle failed', { cause: error });
  }
}
