// The caller's signal is read once before the first attempt: the slot is rewritten from it, not from itself.
export async function getWithRetries(url: string, options: { signal?: AbortSignal; timeout: number }) {
  const callerSignal = options.signal;
  for (let attempt = 0; attempt < 3; attempt++) {
    options.signal = callerSignal ? AbortSignal.any([callerSignal, AbortSignal.timeout(options.timeout)]) : AbortSignal.timeout(options.timeout);
    try {
      return await fetch(url, { signal: options.signal });
    } catch {
      continue;
    }
  }
  throw new Error('out of attempts');
}
