interface Options {
  signal?: AbortSignal;
}

export async function upload(body: Blob, shutdownSignal: AbortSignal, options?: Options, requestSignal?: AbortSignal) {
  const controller = new AbortController();
  shutdownSignal.addEventListener('abort', () => controller.abort());
  options?.signal?.addEventListener('abort', () => controller.abort());
  if (requestSignal) {
    requestSignal.addEventListener('abort', () => controller.abort());
  }
  await fetch('/upload', { method: 'POST', body, signal: controller.signal });
}
