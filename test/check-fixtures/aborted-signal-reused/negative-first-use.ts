export async function start(url: string, options: { signal?: AbortSignal; timeout: number }) {
  options.signal = options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(options.timeout)]) : AbortSignal.timeout(options.timeout);
  return fetch(url, { signal: options.signal });
}
