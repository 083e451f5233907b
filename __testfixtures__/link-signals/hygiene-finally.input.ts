export async function consume(stream: Readable, signal: AbortSignal) {
  const onAbort = () => stream.destroy();
  signal.addEventListener('abort', onAbort);
  try {
    for await (const chunk of stream) handle(chunk);
  } finally {
    stream.close();
  }
}

export async function job(queue: Queue, signal: AbortSignal) {
  try {
    signal.addEventListener('abort', () => {
      queue.pause();
    });
    await queue.drain();
  } finally {
    await queue.close();
  }
}
