export async function get(url: string, signal: AbortSignal) {
  return fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(1000)]) });
}
