import { hostname } from 'node:os';

// No call has a signal to give it: a signal parameter would never be passed.
function wait(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export async function retry(run: () => Promise<void>, attempts: number) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await run();
    } catch {
      await wait(100 * 2 ** attempt);
    }
  }
  return hostname();
}
