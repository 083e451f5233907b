export async function upload(url: string, body: Blob, signal?: AbortSignal) {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGTERM', stop);
  try {
    return await fetch(url, { method: 'PUT', body, signal: controller.signal });
  } finally {
    process.off('SIGTERM', stop);
  }
}
