export async function fetchTimeout(resource, options = {}) {
  const { timeout = 5000 } = options;
  const response = await fetch(resource, {
    ...options,
    signal: AbortSignal.timeout(timeout),
  });
  return response;
}
