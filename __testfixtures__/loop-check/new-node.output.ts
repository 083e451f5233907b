export async function drain(items: string[], signal?: AbortSignal) {
  for (const item of items) {
    signal?.throwIfAborted();
    await handle(item);
  }
}
