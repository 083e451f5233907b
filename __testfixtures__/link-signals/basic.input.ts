export async function download(url: string, signal: AbortSignal, shutdownSignal: AbortSignal) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort());
  shutdownSignal.addEventListener('abort', () => {
    controller.abort();
  });
  const response = await fetch(url, { signal: controller.signal });
  if (controller.signal.aborted) return undefined;
  return response.text();
}
