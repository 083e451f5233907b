export function scoped(signal: AbortSignal) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort(new Error('parent aborted')), { once: true });
  return controller.signal;
}
