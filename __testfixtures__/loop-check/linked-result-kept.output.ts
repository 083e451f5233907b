export async function poll(queue: Queue, signal?: AbortSignal) {
  const stats = record(signal, queue.name);
  while (queue.open) {
    signal?.throwIfAborted();
    await queue.next();
  }
  return stats;
}
