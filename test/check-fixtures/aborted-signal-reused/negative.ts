export async function getWithRetries(url: string, timeout: number, signal?: AbortSignal) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const attemptSignal = signal ? AbortSignal.any([signal, AbortSignal.timeout(timeout)]) : AbortSignal.timeout(timeout);
    try {
      return await fetch(url, { signal: attemptSignal });
    } catch {
      continue;
    }
  }
  throw new Error('out of attempts');
}
