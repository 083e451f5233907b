import { setTimeout as sleep } from 'node:timers/promises';

/** The catch passes on what was thrown: an abort stays an AbortError, so the wait may take the signal. */
export async function connect(listen: () => Promise<void>, close: () => Promise<void>, signal?: AbortSignal) {
  await sleep(100, undefined, { signal });
  try {
    await listen();
  } catch (error) {
    if (signal?.aborted) {
      await close();
      throw error;
    }
  }
}
