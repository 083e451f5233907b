export async function releaseLock(id: string) {
  await fetch(`https://locks.example.com/${id}`, { method: 'DELETE' });
}

/** The lock is released even when the work was aborted: the release does not get the signal. */
export async function withLock(id: string, work: () => Promise<void>, signal?: AbortSignal) {
  await fetch(`https://locks.example.com/${id}`, { method: 'POST', signal });
  try {
    await work();
  } finally {
    await releaseLock(id);
  }
}

export function audit(event: string, signal?: AbortSignal) {
  return fetch('https://audit.example.com', { method: 'POST', body: event, signal }).finally(() => fetch('https://audit.example.com/flush'));
}

export async function handler(request: Request) {
  await audit('start', request.signal);
  await withLock(new URL(request.url).pathname, async () => {}, request.signal);
}
