/** Returns as soon as the buffer drains or the signal aborts: an abort is no error here. */
export async function waitForDrain(socket: { bufferedAmount: number }, signal?: AbortSignal) {
  while (socket.bufferedAmount > 0) {
    if (signal?.aborted) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
