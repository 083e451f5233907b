export async function load(url: string, init: { signal: AbortSignal | null }, parent: AbortSignal | null) {
  const signal = AbortSignal.any([...(init.signal ? [init.signal] : []), ...(parent ? [parent] : [])]);
  return fetch(url, { signal });
}
