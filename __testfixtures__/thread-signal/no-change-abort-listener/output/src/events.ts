import { addAbortListener } from 'node:events';

export function track(url: string, options: { signal: AbortSignal }): void {
  const { signal } = options;
  addAbortListener(signal, () => {
    void fetch(`${url}/gone`, { method: 'POST' });
  });
}
