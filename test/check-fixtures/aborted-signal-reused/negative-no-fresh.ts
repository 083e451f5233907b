export async function send(urls: string[], options: { signal: AbortSignal }, shutdown: AbortSignal) {
  for (const url of urls) {
    options.signal = AbortSignal.any([options.signal, shutdown]);
    await fetch(url, { signal: options.signal });
  }
}
