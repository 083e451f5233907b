export async function consume(stream: Readable, signal: AbortSignal) {
  const onAbort = () => stream.destroy();
  signal.addEventListener('abort', onAbort);
  try {
    for await (const chunk of stream) handle(chunk);
  } finally {
    signal.removeEventListener('abort', onAbort);
    stream.close();
  }
}

export async function job(queue: Queue, signal: AbortSignal) {
  const listenerController = new AbortController();
  try {
    signal.addEventListener('abort', () => {
      queue.pause();
    }, { signal: listenerController.signal });
    await queue.drain();
  } finally {
    listenerController.abort();
    await queue.close();
  }
}

export async function start(server: Server, signal: AbortSignal) {
  signal.addEventListener('abort', () => server.close());
  try {
    await server.listen(8080);
  } finally {
    log('listen settled');
  }
}
