export function combine(signals) {
  const signal = AbortSignal.any([...signals]);
  return signal;
}
