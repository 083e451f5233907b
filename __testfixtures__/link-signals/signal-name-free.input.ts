export function follow(parentSignal: AbortSignal): AbortSignal {
  const child = new AbortController();
  parentSignal.addEventListener('abort', () => child.abort());
  return child.signal;
}
