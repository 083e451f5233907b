/** The options made here replace the signal a Request input carries whenever a timeout is set. */
export async function fetchWithDeadline(input: RequestInfo, options: RequestInit & { timeout?: number } = {}): Promise<Response> {
  const request = typeof input === 'string' ? new Request(input) : input;
  const init: RequestInit = { ...options };
  if (options.timeout) init.signal = init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(options.timeout)]) : AbortSignal.timeout(options.timeout);
  return fetch(request, init);
}

/** A wrapper given its options as they are: what it does with them is its own affair. */
export async function forward(request: Request, init: RequestInit, timeout: number): Promise<Response> {
  return fetchWithDeadline(request, { ...init, timeout });
}
