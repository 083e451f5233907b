interface SendOptions {
  signal?: AbortSignal;
  timeout: number;
}

// The error handler it calls reports and gives up: nothing runs the combination again.
function onError(url: string, error: unknown): never {
  console.error(`GET ${url} failed`, error);
  throw error;
}

export async function send(url: string, options: SendOptions): Promise<Response> {
  options.signal = options.signal ? AbortSignal.any([AbortSignal.timeout(options.timeout), options.signal]) : AbortSignal.timeout(options.timeout);
  try {
    return await fetch(url, { signal: options.signal });
  } catch (error) {
    return onError(url, error);
  }
}
