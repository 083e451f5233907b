import { setTimeout as sleep } from 'node:timers/promises';
import React from 'react';

export function Retry({ onRetry }: { onRetry: () => void }) {
  return (
    <button type="button" className="retry" aria-label="Retry" onClick={onRetry}>
      Retry
    </button>
  );
}

export async function backoff(attempt: number, signal: AbortSignal) {
  await sleep(2 ** attempt * 100, undefined, { signal });
}
