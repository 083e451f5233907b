export async function asserted(url: string, sources: unknown) {
  const signal = AbortSignal.any(sources as AbortSignal[]);
  return fetch(url, { signal });
}

export async function arrayOf(url: string, a: AbortSignal, b: AbortSignal) {
  const linkedSignal = AbortSignal.any(Array.of(a, b));
  return fetch(url, { signal: linkedSignal });
}

export async function literal(url: string, first: AbortSignal, second: AbortSignal) {
  const parents = [first, second];
  const linkedSignal2 = AbortSignal.any(parents);
  return fetch(url, { signal: linkedSignal2 });
}
