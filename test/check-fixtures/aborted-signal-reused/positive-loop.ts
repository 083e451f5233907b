export async function getWithRetries(url: string, options: { signal?: AbortSignal; timeout: number }) {
  for (let attempt = 0; attempt < 3; attempt++) {
    options.signal = options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(options.timeout)]) : AbortSignal.timeout(options.timeout);
    try {
      return await fetch(url, { signal: options.signal });
    } catch {
      continue;
    }
  }
  throw new Error('out of attempts');
}
