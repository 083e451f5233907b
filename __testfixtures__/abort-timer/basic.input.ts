export async function getJson(url: string): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    const response = await fetch(url, { signal: controller.signal });
    return await response.json();
  } finally {
    clearTimeout(timer);
  }
}

export async function getText(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const timeout = setTimeout(() => {
    controller.abort();
  }, 10_000);
  timeout.unref();
  try {
    const response = await fetch(url, { headers, signal: controller.signal });
    return await response.text();
  } catch (error) {
    console.error('request failed', error);
    throw error;
  } finally {
    clearTimeout(timeout);
  }
}
