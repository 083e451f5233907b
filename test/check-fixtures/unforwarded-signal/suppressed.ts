export async function load(url: string, signal: AbortSignal) {
  // ctxmod-ignore-next-line unforwarded-signal -- the health check must finish even on abort
  await fetch(`${url}/health`);
  // ctxmod-ignore-next-line
  await fetch(`${url}/metrics`);
  // ctxmod-ignore-next-line sleep-without-signal, non-cancellable-call
  await fetch(`${url}/ready`);
  await fetch(url);
}
