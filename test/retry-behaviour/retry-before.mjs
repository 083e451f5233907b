/**
 * A GET with a deadline per attempt that retries an attempt that timed out. Each attempt builds
 * its options from the previous attempt's, so the retry combines the deadline that has just fired:
 * `ctxmod check` reports it as aborted-signal-reused.
 */
export async function getWithRetry(url, options, attempt = 0) {
  options = { ...options, signal: options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(options.timeout)]) : AbortSignal.timeout(options.timeout) };
  try {
    return await fetch(url, { signal: options.signal, headers: { 'x-attempt': String(attempt) } });
  } catch (error) {
    if (error.name === 'TimeoutError' && attempt < options.retries) return getWithRetry(url, options, attempt + 1);
    throw error;
  }
}
