export async function ping(url: string) {
  const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
  return response.ok;
}
