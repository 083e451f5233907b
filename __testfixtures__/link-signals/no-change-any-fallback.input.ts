/** AbortSignal.any, with a fallback for runtimes older than Node 20.3. */
export function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') {
    return AbortSignal.any([a, b]);
  }
  const controller = new AbortController();
  a.addEventListener('abort', () => controller.abort(), { once: true });
  b.addEventListener('abort', () => controller.abort(), { once: true });
  return controller.signal;
}

export function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (!AbortSignal.any) {
    const controller = new AbortController();
    a.addEventListener('abort', () => controller.abort(), { once: true });
    b.addEventListener('abort', () => controller.abort(), { once: true });
    return controller.signal;
  }
  return AbortSignal.any([a, b]);
}
