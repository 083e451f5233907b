export async function get(url: string, signal: AbortSignal) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort());
  return fetch(url, { signal: controller.signal });
}
