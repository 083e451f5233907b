export async function download(url: string, signal?: AbortSignal) {
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  const response = await fetch(url, { signal: controller.signal });
  return response.arrayBuffer();
}
