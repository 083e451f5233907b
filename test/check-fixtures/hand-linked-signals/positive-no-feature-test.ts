export function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const controller = new AbortController();
  a.addEventListener('abort', () => controller.abort(), { once: true });
  b.addEventListener('abort', () => controller.abort(), { once: true });
  return controller.signal;
}
