export async function request(url, signal) {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  try {
    await warmUp();
    signal.addEventListener('abort', onAbort);
    return await fetch(url, { signal: controller.signal });
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
