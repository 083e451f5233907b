// The promise is the wait for the abort itself, raced against the work: nothing to give a signal.
export async function settle(work: Promise<void>, abortSignal: AbortSignal) {
  const done = work.then(() => 'done' as const);
  const aborted = new Promise<'aborted'>((resolve) => {
    abortSignal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  return Promise.race([done, aborted]);
}
