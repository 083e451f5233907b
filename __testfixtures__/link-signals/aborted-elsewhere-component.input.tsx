import { useEffect } from 'react';

export function Preview({ url, signal }: { url: string; signal: AbortSignal }) {
  useEffect(() => {
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort());
    load(url, controller.signal);
    return () => controller.abort();
  }, [url, signal]);
  return <div />;
}
