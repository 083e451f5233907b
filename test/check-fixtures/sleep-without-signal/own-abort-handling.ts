export class CancelledError extends Error {}

// Ends with its own error on abort, checked each round: the wait is one interval at most.
export async function poll(check: () => boolean, signal: AbortSignal) {
  while (!check()) {
    if (signal.aborted) throw new CancelledError('poll cancelled');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

// Cleans up before it stops on abort: the sleep must not reject first.
export async function waitForExit(kill: () => void, done: () => boolean, signal: AbortSignal) {
  while (!done()) {
    if (signal.aborted) {
      kill();
      throw signal.reason;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// A catch that sorts errors stops nothing on abort: the sleep still waits it out.
export async function throttle(signal: AbortSignal) {
  try {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  } catch (error) {
    throw new CancelledError('throttle failed', { cause: error });
  }
}
