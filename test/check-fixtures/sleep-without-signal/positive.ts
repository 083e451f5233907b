function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function retry<T>(fn: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 3) throw error;
      await sleep(100 * 2 ** attempt);
    }
  }
}

export async function poll(check: () => boolean, signal: AbortSignal) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 1_000));
}

export async function backoff(attempt: number, custom: ((n: number) => Promise<void>) | undefined, signal: AbortSignal) {
  const wait = custom ? custom(attempt) : new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  await wait;
}
