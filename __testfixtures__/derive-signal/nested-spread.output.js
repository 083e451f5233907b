// The fresh signal overrides the one the spread options carried.
export async function send(url, context) {
  return fetch(url, { ...context.options, signal: context.options?.signal ? AbortSignal.any([context.options?.signal, AbortSignal.timeout(context.timeout)]) : AbortSignal.timeout(context.timeout) });
}
