export async function search(url: string, signal: AbortSignal, shutdown: AbortSignal) {
  return fetch(url, { signal: AbortSignal.any([signal, shutdown]) });
}
