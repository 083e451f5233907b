/** The catch passes on what was thrown: an abort stays an AbortError, so the wait may take the signal. */
export async function connect(listen: () => Promise<void>, close: () => Promise<void>, signal?: AbortSignal) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  try {
    await listen();
  } catch (error) {
    if (signal?.aborted) {
      await close();
      throw error;
    }
  }
}
