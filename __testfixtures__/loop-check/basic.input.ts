export async function drain(queue: Queue, signal: AbortSignal) {
  while (queue.size > 0) {
    // one at a time
    const job = queue.shift();
    await job.run();
  }
}
