export function withTimeout(options, ms) {
  options.signal = options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms);
  return request(options);
}
