import { hostname } from 'node:os';

// No signal in scope: `sleep(ms)` would behave exactly as this promise does.
export async function backoff(attempt: number, custom?: (attempt: number) => Promise<void>) {
  const wait = custom ? custom(attempt) : new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  await wait;
  return hostname();
}
