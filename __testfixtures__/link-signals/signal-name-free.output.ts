export function follow(parentSignal: AbortSignal): AbortSignal {
  const signal = AbortSignal.any([parentSignal]);
  return signal;
}
