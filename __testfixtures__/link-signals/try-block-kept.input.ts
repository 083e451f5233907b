export async function fetchText(url: string, signal: AbortSignal, text?: string) {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort);
  try {
    const text = await (await fetch(url, { signal: controller.signal })).text();
    return text.trim();
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
