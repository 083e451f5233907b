// An onRequest hook: the caller's signal in context.options.signal is overwritten.
export function applyTimeout(context) {
  if (context.options.timeout) {
    context.options.signal = AbortSignal.timeout(context.options.timeout);
  }
}
