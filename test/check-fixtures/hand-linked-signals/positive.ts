export async function search(url: string, signal: AbortSignal, shutdown: AbortSignal) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort());
  shutdown.addEventListener('abort', () => controller.abort());
  return fetch(url, { signal: controller.signal });
}
