/** Listeners given bound (`fn.bind(...)`) or as a member of the class (`this.onAbort`) run once the signal has aborted. */
export function watch(url: string, signal: AbortSignal): void {
  function report(this: unknown, reason: string) {
    void fetch(`${url}/report?${reason}`, { method: 'POST' });
  }
  const notify = () => fetch(`${url}/cancelled`, { method: 'POST' });
  signal.addEventListener('abort', report.bind(null, 'aborted'));
  signal.addEventListener('abort', notify.bind(undefined));
}

export function makeJob(url: string, signal: AbortSignal) {
  return new (class {
    constructor() {
      signal.addEventListener('abort', this.onAbort);
      signal.addEventListener('abort', this.onStop.bind(this));
    }

    onAbort = () => fetch(`${url}/aborted`, { method: 'POST' });

    onStop() {
      return fetch(`${url}/stopped`, { method: 'POST' });
    }

    run() {
      return fetch(`${url}/run`, { signal });
    }
  })();
}
