interface RetryOptions {
  retries?: number;
  signal?: AbortSignal;
}

// `init.signal` would throw (and not compile) when the options may be undefined.
export async function optionalInit(url: string, signal: AbortSignal, init?: RequestInit) {
  return fetch(url, { ...init, signal: init?.signal ?? signal });
}

export async function nullableOptions(url: string, signal: AbortSignal, options: RetryOptions | undefined) {
  return fetch(url, { ...options, signal: options?.signal ?? signal });
}

export async function defaultedOptions(url: string, signal: AbortSignal, options: RetryOptions = {}) {
  return fetch(url, { ...options, signal: options.signal ?? signal });
}
