export function untilDone(signal: AbortSignal, done: AbortSignal) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort(), { signal: done });
  return controller.signal;
}
