export async function read(socket: NodeJS.EventEmitter, signal: AbortSignal) {
  const chunks = await new Promise<Buffer[]>((resolve, reject) => {
    socket.once('data', (...parts: Buffer[]) => resolve(parts));
    socket.once('error', reject);
  });
  return chunks;
}
