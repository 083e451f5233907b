export async function getJson(url: string, signal: AbortSignal, retry: <T>(attempt: () => Promise<T>) => Promise<T>) {
  // A closure sees the caller's signal of the function around it.
  return retry(async () => {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return response.json();
  });
}
