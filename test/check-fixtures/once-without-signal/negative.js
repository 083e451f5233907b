import { once } from 'node:events';

export async function waitForExit(child, signal) {
  await once(child, 'exit', { signal });
}
