import { once } from 'node:events';

export async function connect(socket, signal) {
  const ok = await once(socket, 'connect', { signal }).then(() => true);
  await once(socket, 'ready', { signal });
  const args = await once(socket, 'data', { signal });
  return [ok, args];
}
