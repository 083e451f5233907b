import { hostname } from 'node:os';

// Declared together with another binding: only a declaration of the sleep alone is rewritten.
export async function timed(ms: number, signal: AbortSignal) {
  const wait = new Promise((resolve) => setTimeout(resolve, ms)),
    started = Date.now();
  await wait;
  return { host: hostname(), took: Date.now() - started };
}
