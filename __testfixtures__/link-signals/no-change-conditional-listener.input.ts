export async function load(url: string, signal: AbortSignal, shutdownSignal: AbortSignal, graceful: boolean) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort(), { once: true });
  if (!graceful) {
    shutdownSignal.addEventListener('abort', () => controller.abort(), { once: true });
  }
  return fetch(url, { signal: controller.signal });
}
