export function combine(signals) {
  const controller = new AbortController();
  for (const signal of signals) {
    signal.addEventListener('abort', () => controller.abort());
  }
  return controller.signal;
}
