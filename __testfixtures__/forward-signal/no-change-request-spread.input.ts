export async function forward(request: Request) {
  return fetch('https://upstream.example.com/', { ...request, method: 'POST' });
}

export async function replay(url: string, signal: AbortSignal) {
  const original = new Request(url);
  return fetch(url, { ...original, cache: 'no-store' });
}
