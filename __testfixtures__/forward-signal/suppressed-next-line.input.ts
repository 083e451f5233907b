export async function sync(url: string, signal: AbortSignal) {
  // ctxmod-ignore-next-line unforwarded-signal -- the audit entry must be sent even on abort
  await fetch(`${url}/audit`);
  await fetch(`${url}/data`);
  // ctxmod-ignore-next-line loop-without-check -- another rule: this site is still fixed
  await fetch(`${url}/done`);
  // ctxmod-ignore-next-line
  return fetch(`${url}/status`);
}
