interface Options {
  retries: number;
  headers?: Record<string, string>;
}

export async function get(url: string, options: Options) {
  return fetch(url, { ...options, signal: AbortSignal.timeout(5000) });
}
