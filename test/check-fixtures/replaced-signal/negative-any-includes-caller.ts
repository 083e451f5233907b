export async function get(url: string, init: RequestInit = {}) {
  const signals = [AbortSignal.timeout(5000), ...(init.signal ? [init.signal] : [])];
  return fetch(url, { ...init, signal: AbortSignal.any(signals) });
}
