export function alreadyOnce(signal, onAbort) {
  signal.addEventListener('abort', onAbort, { once: true });
}

export function removed(signal, onAbort) {
  signal.addEventListener('abort', onAbort);
  try {
    return work();
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

export function withSignalOption(signal, onAbort, done) {
  signal.addEventListener('abort', onAbort, { signal: done });
}

export function notASignal(xhr, onAbort) {
  xhr.addEventListener('abort', onAbort);
}

const ready = new AbortController();
ready.signal.addEventListener('abort', () => console.log('aborted'));
