export function anyOf(sources) {
  const controller = new AbortController();
  for (const source of sources) source.addEventListener('abort', () => controller.abort());
  return controller.signal;
}
