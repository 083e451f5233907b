class AuthError extends Error {}

// Assigned to a `let` declared before, called off in a `.finally()`: no leak, and the custom
// reason keeps the rewrite out. A note for migrate, no check finding.
export async function waitForCode(read: (signal: AbortSignal) => Promise<string>) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const controller = new AbortController();
  timer = setTimeout(() => {
    controller.abort(new AuthError('timed out'));
  }, 300_000);
  return read(controller.signal).finally(() => clearTimeout(timer));
}

// Never called off, but unref'd: it keeps nothing alive.
export async function waitForCallback(listen: (signal: AbortSignal) => Promise<string>) {
  let timeoutId: ReturnType<typeof setTimeout>;
  const controller = new AbortController();
  timeoutId = setTimeout(() => {
    controller.abort(new Error('callback timeout'));
  }, 300_000);
  timeoutId.unref();
  return listen(controller.signal);
}
