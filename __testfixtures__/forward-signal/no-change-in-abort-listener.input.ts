import { addAbortListener } from 'node:events';

// The notices go out because the signal aborted: given that signal, each fetch would reject at
// once and nothing would be sent.
export function watch(url: string, signal: AbortSignal): void {
  const notify = () => fetch(`${url}/cancelled`, { method: 'POST' });
  function report() {
    void fetch(`${url}/report`, { method: 'POST' });
  }
  signal.addEventListener('abort', notify, { once: true });
  signal.addEventListener('abort', report);
  signal.addEventListener('abort', () => fetch(`${url}/closed`, { method: 'POST' }));
  signal.onabort = () => {
    void fetch(`${url}/aborted`, { method: 'POST' });
  };
}

export function track(url: string, options: { signal: AbortSignal }): void {
  let onAbort: (() => void) | undefined;
  onAbort = () => {
    void fetch(`${url}/gone`, { method: 'POST' });
  };
  addAbortListener(options.signal, onAbort);
}
