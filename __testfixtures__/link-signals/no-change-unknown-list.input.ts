// Array.of and array literals count only when every element is known to be a signal.
export async function mixed(url: string, a: AbortSignal, request: XMLHttpRequest) {
  const controller = new AbortController();
  for (const source of Array.of(a, request)) source.addEventListener('abort', () => controller.abort());
  return fetch(url, { signal: controller.signal });
}

export async function assertedElsewise(url: string, sources: unknown) {
  const controller = new AbortController();
  for (const source of sources as EventTarget[]) source.addEventListener('abort', () => controller.abort());
  return fetch(url, { signal: controller.signal });
}
