export async function attemptAll(urls: string[], options: { signal: AbortSignal }) {
  for (const url of urls) {
    const controller = new AbortController();
    options.signal = AbortSignal.any([options.signal, controller.signal]);
    setTimeout(() => controller.abort(), 1000);
    try {
      return await fetch(url, { signal: options.signal });
    } catch {}
  }
}
