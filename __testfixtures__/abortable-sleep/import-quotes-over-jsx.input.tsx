import React from 'react';

export function Retry({ onRetry }: { onRetry: () => void }) {
  return (
    <button type="button" className="retry" aria-label="Retry" onClick={onRetry}>
      Retry
    </button>
  );
}

export async function backoff(attempt: number, signal: AbortSignal) {
  await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));
}
