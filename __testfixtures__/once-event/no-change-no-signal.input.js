import { once } from 'node:events';

export async function ready(server) {
  await new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  await once(server, 'ready');
}
