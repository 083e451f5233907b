export async function fetchWithCallerSignal(url: string, signal: AbortSignal) {
  const timeoutSignal = AbortSignal.any([signal, AbortSignal.timeout(3000)]);
  return await fetch(url, { signal: timeoutSignal });
}

export async function fetchOptionalSignal(url: string, signal?: AbortSignal) {
  const timeoutSignal = signal ? AbortSignal.any([signal, AbortSignal.timeout(3000)]) : AbortSignal.timeout(3000);
  const response = await fetch(url, { signal: timeoutSignal });
  return response;
}

interface LoadOptions {
  signal?: AbortSignal;
  timeoutMs: number;
}

export async function load(url: string, options: LoadOptions) {
  const signal = options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]) : AbortSignal.timeout(options.timeoutMs);
  const response = await fetch(url, { signal });
  return response.json();
}
