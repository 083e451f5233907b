export async function drain(items: string[], signal?: AbortSignal) {
  for (const item of items) {
    if (signal?.aborted) {
      throw signal.reason;
    }

    await handle(item);
  }
}
