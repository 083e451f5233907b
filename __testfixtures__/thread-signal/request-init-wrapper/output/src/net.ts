export async function fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const timeout = AbortSignal.timeout(timeoutMs);
  return fetch(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
}

export async function postJson(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: init.headers, body: init.body, signal: init.signal });
  return response.json();
}
