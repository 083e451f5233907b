import { once as waitFor } from 'events';

export async function handshake(socket: Socket, options?: { signal?: AbortSignal }) {
  await waitFor(socket, 'connect');
  const greeting: string = await new Promise<string>((resolve, reject) => {
    socket.once('greeting', (text: string) => resolve(text));
    socket.once('error', reject);
  });
  return greeting;
}
