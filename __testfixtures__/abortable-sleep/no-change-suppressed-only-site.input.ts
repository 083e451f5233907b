export async function poll(signal: AbortSignal) {
  // ctxmod-ignore-next-line sleep-without-signal -- the grace period must run out even on abort
  await new Promise((resolve) => setTimeout(resolve, 100));
}
