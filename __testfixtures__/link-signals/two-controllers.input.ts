export async function mirror(signal: AbortSignal, linkedSignal: AbortSignal) {
  const first = new AbortController();
  signal.addEventListener('abort', () => first.abort());
  const second = new AbortController();
  linkedSignal.addEventListener('abort', () => second.abort());
  await Promise.all([read(first.signal), read(second.signal)]);
}
