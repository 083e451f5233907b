export async function asserted(url: string, sources: unknown) {
  const controller = new AbortController();
  for (const source of sources as AbortSignal[]) source.addEventListener('abort', () => controller.abort());
  return fetch(url, { signal: controller.signal });
}

export async function arrayOf(url: string, a: AbortSignal, b: AbortSignal) {
  const controller = new AbortController();
  for (const source of Array.of(a, b)) source.addEventListener('abort', () => controller.abort());
  return fetch(url, { signal: controller.signal });
}

export async function literal(url: string, first: AbortSignal, second: AbortSignal) {
  const parents = [first, second];
  const controller = new AbortController();
  for (const parent of parents) parent.addEventListener('abort', () => controller.abort());
  return fetch(url, { signal: controller.signal });
}
