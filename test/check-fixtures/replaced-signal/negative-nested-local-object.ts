export async function send(url: string, timeout: number) {
  const context = { options: { signal: undefined as AbortSignal | undefined } };
  if (context.options.signal?.aborted) return undefined;
  return fetch(url, { ...context.options, signal: AbortSignal.timeout(timeout) });
}
