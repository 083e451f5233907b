export class CancelledError extends Error {}

// The code reports an abort as its own error after the wait: an abortable sleep would reject
// with an AbortError first.
export async function step(ms: number, signal: AbortSignal) {
  const wait = ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : undefined;
  await wait;
  if (signal.aborted) throw new CancelledError('step cancelled');
}
