import { once as waitFor } from 'events';

export async function handshake(socket: Socket, options?: { signal?: AbortSignal }) {
  await waitFor(socket, 'connect');
  const greeting: string = await waitFor(socket, 'greeting', { signal: options?.signal }).then(([value]) => value as string);
  return greeting;
}
