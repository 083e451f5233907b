import { once } from 'node:events';

export async function read(socket: NodeJS.EventEmitter, signal: AbortSignal) {
  const chunks = await once(socket, 'data', { signal }).then(args => args as Buffer[]);
  return chunks;
}
