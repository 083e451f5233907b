export function restartable(signal: AbortSignal) {
  let controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort(), { once: true });
  const restart = () => {
    controller = new AbortController();
  };
  return { restart, get signal() { return controller.signal; } };
}
