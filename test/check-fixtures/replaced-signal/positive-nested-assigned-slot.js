// An onRequest hook overwrites the caller's signal with the deadline.
export function applyTimeout(context) {
  if (context.options.timeout) {
    context.options.signal = AbortSignal.timeout(context.options.timeout);
  }
}
