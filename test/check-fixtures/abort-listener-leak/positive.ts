export function watch(signal: AbortSignal, onStop: () => void) {
  signal.addEventListener('abort', onStop);
}
