export async function fetchWithRetry(url: string, retries = 3, delayMs?: number): Promise<Response> {
  try {
    return await fetch(url);
  } catch (error) {
    if (retries <= 0) throw error;
    await new Promise((resolve) => setTimeout(resolve, delayMs ?? 100));
    return fetchWithRetry(url, retries - 1, delayMs);
  }
}

export async function handler(request: Request) {
  return fetchWithRetry(request.url);
}
