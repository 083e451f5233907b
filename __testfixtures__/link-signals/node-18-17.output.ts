export async function get(url: string, signal: AbortSignal) {
  const linkedSignal = AbortSignal.any([signal]);
  return fetch(url, { signal: linkedSignal });
}
