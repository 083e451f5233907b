export async function get(url, log) {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    log.warn(`GET ${url} timed out`);
    controller.abort();
  }, 3000);
  try {
    return await fetch(url, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}
