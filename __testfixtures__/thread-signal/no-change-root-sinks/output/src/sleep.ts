export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

export async function load(id: string, signal?: AbortSignal): Promise<string> {
  const response = await fetch(`https://api.example.com/items/${id}`, { signal: signal ?? null });
  return response.text();
}
