export async function firstOf(signals: AbortSignal[], work: (signal: AbortSignal) => Promise<void>) {
  const signal = AbortSignal.any(signals);
  await work(signal);
}
