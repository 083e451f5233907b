export async function loadAll(urls: string[], signal: AbortSignal) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  urls.forEach(async function (url) {
    await fetch(url, { method: 'HEAD' });
  });
  return responses;
}
