export async function fetchText(url: string, signal: AbortSignal, text?: string) {
  const linkedSignal = AbortSignal.any([signal]);
  {
    const text = await (await fetch(url, { signal: linkedSignal })).text();
    return text.trim();
  }
}
