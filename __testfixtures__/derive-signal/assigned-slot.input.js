export function withTimeout(options, ms) {
  options.signal = AbortSignal.timeout(ms);
  return request(options);
}
