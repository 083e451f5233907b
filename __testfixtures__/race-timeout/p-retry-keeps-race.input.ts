import pRetry from 'p-retry';

export async function load(url: string) {
  const data = await Promise.race([
    pRetry(() => fetch(url), { retries: 3 }),
    new Promise((_, reject) => setTimeout(() => reject(new Error('load timed out')), 5000)),
  ]);
  return data;
}

export async function withoutOptions(url: string) {
  return Promise.race([
    pRetry(() => fetch(url)),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 5000)),
  ]);
}

export async function typedOptions(url: string, retryOptions: { retries: number }, timeoutMs: number) {
  return await Promise.race([
    pRetry(() => fetch(url), retryOptions),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), timeoutMs)),
  ]);
}
