/**
 * retry-before.mjs with the fix aborted-signal-reused gives: the caller's signal is read once,
 * before the first attempt, and each attempt's signal is derived from it.
 */
export async function getWithRetry(url, options, attempt = 0) {
  const signal = options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(options.timeout)]) : AbortSignal.timeout(options.timeout);
  try {
    return await fetch(url, { signal, headers: { 'x-attempt': String(attempt) } });
  } catch (error) {
    if (error.name === 'TimeoutError' && attempt < options.retries) return getWithRetry(url, options, attempt + 1);
    throw error;
  }
}
