export async function named(stream: Stream, signal: AbortSignal) {
  const onAbort = () => stream.destroy();
  signal.addEventListener('abort', onAbort, true);
  try {
    await stream.read();
  } finally {
    stream.close();
  }
}

export async function inlineFlag(stream: Stream, signal: AbortSignal) {
  try {
    signal.addEventListener('abort', () => stream.destroy(), true);
    await stream.read();
  } finally {
    stream.close();
  }
}

export async function inlineObject(stream: Stream, signal: AbortSignal) {
  try {
    signal.addEventListener('abort', () => stream.destroy(), { capture: true, once: true });
    await stream.read();
  } finally {
    stream.close();
  }
}

export function wrongFlag(signal: AbortSignal, onAbort: () => void) {
  signal.addEventListener('abort', onAbort, { capture: true });
  return () => signal.removeEventListener('abort', onAbort);
}

export function sameFlag(signal: AbortSignal, onAbort: () => void) {
  signal.addEventListener('abort', onAbort, { capture: true });
  return () => signal.removeEventListener('abort', onAbort, true);
}

export function unknownOptions(signal: AbortSignal, onAbort: () => void, options: AddEventListenerOptions) {
  signal.addEventListener('abort', onAbort, options);
}

export function removedBySignal(signal: AbortSignal, done: AbortSignal, onAbort: () => void, passive: boolean) {
  signal.addEventListener('abort', onAbort, { passive, signal: done });
}
