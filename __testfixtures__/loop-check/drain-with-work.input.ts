export async function flush(queue: Queue, signal: AbortSignal) {
  // The head sends an item each time: real work, not a drain.
  while (await queue.sendNext()) {
    // sent
  }
}
