export async function fetchTimeout(resource, options = {}) {
  const { timeout = 5000 } = options;
  const response = await fetch(resource, {
    ...options,
    signal: options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(timeout)]) : AbortSignal.timeout(timeout),
  });
  return response;
}
