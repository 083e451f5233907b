import pRetry from 'p-retry';

export async function load(url: string) {
  const retryController = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const data = await Promise.race([
    pRetry(() => fetch(url), { retries: 3, signal: retryController.signal }),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('load timed out')), 5000);
    }),
  ]).finally(() => {
    clearTimeout(timer);
    retryController.abort();
  });
  return data;
}

export async function withoutOptions(url: string) {
  const retryController = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    pRetry(() => fetch(url), { signal: retryController.signal }),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), 5000);
    }),
  ]).finally(() => {
    clearTimeout(timer);
    retryController.abort();
  });
}

export async function typedOptions(url: string, retryOptions: { retries: number }, timeoutMs: number) {
  const retryController = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return await Promise.race([
    pRetry(() => fetch(url), { ...retryOptions, signal: retryController.signal }),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
    }),
  ]).finally(() => {
    clearTimeout(timer);
    retryController.abort();
  });
}
