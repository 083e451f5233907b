// AbortSignal.any is too new for the target (see the config), but both listeners go in `finally`:
// nothing stays on the signals the controller follows, so nothing leaks.
export async function run(start: (signal: AbortSignal) => Promise<void>, signal: AbortSignal, deadline: AbortSignal) {
  const combined = new AbortController();
  const onAbort = () => combined.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  deadline.addEventListener('abort', onAbort, { once: true });
  try {
    await start(combined.signal);
  } finally {
    signal.removeEventListener('abort', onAbort);
    deadline.removeEventListener('abort', onAbort);
  }
}
