export async function get(url: string, signal?: AbortSignal) {
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort(), { once: true });
  return fetch(url, { signal: controller.signal });
}
