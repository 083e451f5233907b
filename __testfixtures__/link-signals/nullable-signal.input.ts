export async function load(url: string, init: { signal: AbortSignal | null }, parent: AbortSignal | null) {
  const controller = new AbortController();
  if (init.signal) init.signal.addEventListener('abort', () => controller.abort());
  parent?.addEventListener('abort', () => controller.abort());
  return fetch(url, { signal: controller.signal });
}
