interface PingOptions {
  timeout: number;
  headers?: Record<string, string>;
}

// The options type carries no signal: there is no caller's signal to derive from.
export async function ping(url: string, options: PingOptions) {
  return fetch(url, { ...options, signal: AbortSignal.timeout(options.timeout) });
}
