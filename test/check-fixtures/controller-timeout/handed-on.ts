declare function linkAbort(parent: AbortSignal | undefined, controller: AbortController): () => void;

// The controller is handed to a function that aborts it when `parent` does, and the timer is
// cleared: one of its causes, nothing to fix.
export async function beat(url: string, parent: AbortSignal | undefined) {
  const controller = new AbortController();
  const detach = linkAbort(parent, controller);
  const cutoff = setTimeout(() => controller.abort(), 5_000);
  try {
    return await fetch(url, { signal: controller.signal });
  } finally {
    clearTimeout(cutoff);
    detach();
  }
}

// Its timer is cleared on every path: no leak. That the rewrite does not fit (the controller is
// destructured) is a migrate note, not a check finding.
export async function destructured(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  const { signal } = controller;
  try {
    return await fetch(url, { signal });
  } finally {
    clearTimeout(timer);
  }
}
