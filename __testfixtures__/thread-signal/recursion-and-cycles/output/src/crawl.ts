export async function crawl(url: string, depth: number, signal?: AbortSignal): Promise<string[]> {
  const response = await fetch(url, { signal });
  const links = (await response.text()).split('\n');
  if (depth === 0) return links;
  const nested = await Promise.all(links.map((link) => crawl(link, depth - 1, signal)));
  return nested.flat();
}

export async function ping(url: string, times: number, signal?: AbortSignal): Promise<void> {
  if (times === 0) return;
  await fetch(url, { signal });
  return pong(url, times - 1, signal);
}

export async function pong(url: string, times: number, signal?: AbortSignal): Promise<void> {
  return ping(url, times, signal);
}

export async function handler(request: Request) {
  await ping(request.url, 2, request.signal);
  return crawl(request.url, 1, request.signal);
}
