import { once } from 'node:events';

export async function drained(stream: Writable, signal: AbortSignal) {
  await once(stream, 'drain', { signal });
  await new Promise((resolve, reject) => {
    stream.once('close', resolve);
    stream.once('error', reject);
    setTimeout(() => reject(new Error('timeout')), 1000);
  });
}
