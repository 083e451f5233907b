export async function get(url, parentSignal) {
  const signal = AbortSignal.any([parentSignal]);
  return fetch(url, { signal });
}
