export async function get(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`GET ${url} timed out`)), 3000);
  try {
    return await fetch(url, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}
