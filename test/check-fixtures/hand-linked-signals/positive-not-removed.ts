export async function connect(open: (signal: AbortSignal) => Promise<void>, signal?: AbortSignal) {
  const ackAbort = new AbortController();
  const onAbort = (): void => ackAbort.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort);
  await open(ackAbort.signal);
}
