export async function collect(stream: ReadableStream<string>, signal: AbortSignal) {
  const reader = stream.getReader();
  signal.addEventListener('abort', () => reader.cancel());
  const parts: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
    }
  } catch (error) {
    report(error);
  }
  return parts;
}

export async function tail(socket: Socket, options: { signal?: AbortSignal }) {
  options.signal?.addEventListener('abort', () => {
    socket.destroy();
  });
  while (socket.readable) {
    await once(socket, 'data');
  }
}
