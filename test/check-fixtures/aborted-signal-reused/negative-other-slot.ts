export async function send(urls: string[], options: { signal?: AbortSignal }) {
  for (const url of urls) {
    const init = { signal: options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(1000)]) : AbortSignal.timeout(1000) };
    await fetch(url, init);
  }
}
