// Each retry builds its options from the previous attempt's: the ternary keeps the previous signal.
export async function getWithRetry(url, options, attempt = 0) {
  options = { ...options, signal: options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(options.timeout)]) : AbortSignal.timeout(options.timeout) };
  try {
    return await fetch(url, { signal: options.signal });
  } catch (error) {
    if (error.name === 'TimeoutError' && attempt < options.retries) return getWithRetry(url, options, attempt + 1);
    throw error;
  }
}
