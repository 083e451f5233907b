interface SendOptions {
  signal?: AbortSignal;
  timeout?: number;
  retry?: number;
}

export function createClient() {
  // The retry goes through the error handler, which calls send again with the options it got:
  // their signal is the previous attempt's, deadline included.
  async function onError(url: string, options: SendOptions, error: unknown): Promise<Response> {
    const retries = options.retry ?? 1;
    if (retries > 0) return send(url, { ...options, retry: retries - 1 });
    throw error;
  }

  async function send(url: string, options: SendOptions): Promise<Response> {
    if (options.timeout) {
      options.signal = options.signal ? AbortSignal.any([AbortSignal.timeout(options.timeout), options.signal]) : AbortSignal.timeout(options.timeout);
    }
    try {
      return await fetch(url, { signal: options.signal });
    } catch (error) {
      return onError(url, options, error);
    }
  }

  return send;
}
