import { hostname } from 'node:os';

export interface RetryOptions {
  delay?: (attempt: number) => Promise<void>;
  signal?: AbortSignal;
}

// A user's own delay or the built-in one: the built-in one stops on abort.
export async function backoff(attempt: number, options: RetryOptions) {
  const delay = 100 * 2 ** attempt;
  const wait = options.delay ? options.delay(attempt) : new Promise((resolve) => setTimeout(resolve, delay));
  await wait;
  return hostname();
}

export async function pause(ms: number, fast: boolean, signal: AbortSignal) {
  await (fast ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms)));
}

export function settle(ms: number, signal: AbortSignal): Promise<unknown> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
