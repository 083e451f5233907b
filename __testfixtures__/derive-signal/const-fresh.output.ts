export async function poll(url: string, ms: number, signal?: AbortSignal): Promise<unknown> {
  const deadline = AbortSignal.timeout(ms);
  const response = await fetch(url, { signal: signal ? AbortSignal.any([signal, deadline]) : deadline });
  return response.json();
}
