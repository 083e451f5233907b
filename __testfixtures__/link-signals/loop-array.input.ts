export async function firstOf(signals: AbortSignal[], work: (signal: AbortSignal) => Promise<void>) {
  const controller = new AbortController();
  for (const s of signals) {
    s.addEventListener('abort', () => controller.abort());
  }
  await work(controller.signal);
}
