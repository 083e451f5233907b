export async function poll(signal: AbortSignal) {
  // ctxmod-ignore-next-line sleep-without-signal
  await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 200));
}
