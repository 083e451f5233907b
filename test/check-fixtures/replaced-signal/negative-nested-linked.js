export function applyTimeout(context) {
  if (context.options.timeout) {
    context.options.signal = context.options.signal
      ? AbortSignal.any([AbortSignal.timeout(context.options.timeout), context.options.signal])
      : AbortSignal.timeout(context.options.timeout);
  }
}
