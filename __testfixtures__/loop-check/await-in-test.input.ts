export async function consume(queue: Queue, signal: AbortSignal) {
  while (await queue.hasMore()) {
    handle(queue.take());
  }
  for (const item of await queue.snapshot()) {
    handle(item);
  }
}

export async function flush(queue: Queue, signal: AbortSignal) {
  while (await queue.sendNext());
}
