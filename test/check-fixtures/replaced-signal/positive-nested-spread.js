export async function send(url, context) {
  return fetch(url, { ...context.options, signal: AbortSignal.timeout(context.timeout) });
}
