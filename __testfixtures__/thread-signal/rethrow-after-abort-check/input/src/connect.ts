import { delay } from './delay.js';

async function probe(attempts: number): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    await delay(100);
  }
}

/** The catch passes on what was thrown: an abort stays an AbortError, so the probe may take the signal. */
export async function connect(listen: () => Promise<void>, options?: { signal?: AbortSignal }) {
  await probe(3);
  try {
    await listen();
  } catch (error) {
    if (options?.signal?.aborted) {
      await close();
      throw error;
    }
  }
}

async function close(): Promise<void> {}
