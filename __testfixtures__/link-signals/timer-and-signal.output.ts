export async function getJson(url: string, signal: AbortSignal, timeoutMs = 5000) {
  const linkedSignal = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
  const response = await fetch(url, { signal: linkedSignal });
  return await response.json();
}
