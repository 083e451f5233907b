export async function download(url: string, signal: AbortSignal, shutdownSignal: AbortSignal) {
  const linkedSignal = AbortSignal.any([signal, shutdownSignal]);
  const response = await fetch(url, { signal: linkedSignal });
  if (linkedSignal.aborted) return undefined;
  return response.text();
}
