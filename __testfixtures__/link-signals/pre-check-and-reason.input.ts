export function watch(path: string, parentSignal: AbortSignal) {
  const controller = new AbortController();
  if (parentSignal.aborted) {
    controller.abort(parentSignal.reason);
  }
  parentSignal.addEventListener('abort', () => controller.abort(parentSignal.reason), { once: true });
  return startWatcher(path, controller.signal);
}
