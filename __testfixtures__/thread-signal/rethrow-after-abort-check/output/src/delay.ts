export async function delay(ms: number, options?: { abortSignal?: AbortSignal }): Promise<void> {
  const signal = options?.abortSignal;
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}
