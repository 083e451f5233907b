export function track(signal: AbortSignal, registry: Set<AbortController>) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort(), { once: true });
  registry.add(controller);
  return controller.signal;
}
