/**
 * The event name of `once(signal, 'abort')` or `on(controller.signal, 'abort')`: a wait for an
 * abort is how code reacts to cancellation, not work to cancel. With a signal option,
 * events.once() rejects with an AbortError where it resolved (with the signal's own, at the very
 * moment it is waited for), so neither forward-signal nor thread-signal passes one there.
 */
export function isAbortEvent(event: unknown): boolean {
  return event === 'abort';
}
