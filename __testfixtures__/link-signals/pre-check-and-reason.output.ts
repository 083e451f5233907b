export function watch(path: string, parentSignal: AbortSignal) {
  const signal = AbortSignal.any([parentSignal]);
  return startWatcher(path, signal);
}
