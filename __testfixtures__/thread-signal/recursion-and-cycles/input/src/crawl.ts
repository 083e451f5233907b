export async function crawl(url: string, depth: number): Promise<string[]> {
  const response = await fetch(url);
  const links = (await response.text()).split('\n');
  if (depth === 0) return links;
  const nested = await Promise.all(links.map((link) => crawl(link, depth - 1)));
  return nested.flat();
}

export async function ping(url: string, times: number): Promise<void> {
  if (times === 0) return;
  await fetch(url);
  return pong(url, times - 1);
}

export async function pong(url: string, times: number): Promise<void> {
  return ping(url, times);
}

export async function handler(request: Request) {
  await ping(request.url, 2);
  return crawl(request.url, 1);
}
