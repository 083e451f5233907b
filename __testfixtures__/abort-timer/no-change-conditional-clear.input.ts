export async function getUnlessCached(url: string, cache: Map<string, Response>) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  const response = await fetch(url, { signal: controller.signal });
  if (response.ok) {
    clearTimeout(timer);
    cache.set(url, response);
  }
  return response;
}

export async function firstChunk(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  const response = await fetch(url, { signal: controller.signal });
  for await (const chunk of response.body ?? []) {
    clearTimeout(timer);
    return chunk;
  }
  return undefined;
}

export async function byStatus(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  const response = await fetch(url, { signal: controller.signal });
  if (response.status === 204) clearTimeout(timer);
  return response;
}
