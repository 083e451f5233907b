export async function fetchWithRetry(url: string, retries = 3, delayMs?: number, signal?: AbortSignal): Promise<Response> {
  try {
    return await fetch(url, { signal });
  } catch (error) {
    if (retries <= 0) throw error;
    await new Promise((resolve) => setTimeout(resolve, delayMs ?? 100));
    return fetchWithRetry(url, retries - 1, delayMs, signal);
  }
}

export async function handler(request: Request) {
  return fetchWithRetry(request.url, undefined, undefined, request.signal);
}
