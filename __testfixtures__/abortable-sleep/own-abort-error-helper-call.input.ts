export class CancelledError extends Error {}

function wait(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Reports an abort as its own CancelledError: its call of wait() does not get the signal.
export async function poll(check: () => Promise<boolean>, signal: AbortSignal) {
  while (!(await check())) {
    if (signal.aborted) throw new CancelledError('poll cancelled');
    await wait(250);
  }
}

export async function pause(signal: AbortSignal) {
  await wait(1000);
}
