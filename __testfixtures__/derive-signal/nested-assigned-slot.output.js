// An onRequest hook: the caller's signal in context.options.signal is overwritten.
export function applyTimeout(context) {
  if (context.options.timeout) {
    context.options.signal = context.options.signal ? AbortSignal.any([context.options.signal, AbortSignal.timeout(context.options.timeout)]) : AbortSignal.timeout(context.options.timeout);
  }
}
