import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  signal?: AbortSignal;
  retries?: number;
  retryDelay?: (attempt: number) => Promise<void>;
}

// The retry's backoff, the user's own or the built-in one, chosen in the catch of each attempt.
export async function fetchWithRetry(url: string, options: RetryOptions = {}): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, { signal: options.signal });
    } catch (error) {
      if (attempt >= (options.retries ?? 2)) throw error;
      const delay = 100 * 2 ** attempt;
      const backoff = options.retryDelay ? options.retryDelay(attempt) : sleep(delay, undefined, { signal: options.signal });
      await backoff;
    }
  }
}
