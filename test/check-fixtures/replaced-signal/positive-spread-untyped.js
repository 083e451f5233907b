// Setting signal after spreading init says init may carry one: the spread copy is overridden.
export function withDeadline(url, init, ms = 5000) {
  return fetch(url, { ...init, signal: AbortSignal.timeout(ms) });
}
