export async function consumeStream({ stream, abortSignal }: { stream: ReadableStream<unknown>; abortSignal?: AbortSignal }) {
  const reader = stream.getReader();
  // Named, then registered: cancelling the reader ends the loop below on abort.
  const cancelOnAbort = () => {
    reader.cancel().catch(() => {});
  };
  abortSignal?.addEventListener('abort', cancelOnAbort, { once: true });
  try {
    while (true) {
      const { done } = await reader.read();
      if (done) break;
    }
  } finally {
    abortSignal?.removeEventListener('abort', cancelOnAbort);
    reader.releaseLock();
  }
}
