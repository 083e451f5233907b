export async function fetchWithAbort(url: string, options: RequestInit & { timeout?: number } = {}) {
  const { timeout = 8000, ...rest } = options;
  return fetch(url, { ...rest, signal: AbortSignal.timeout(timeout) });
}
