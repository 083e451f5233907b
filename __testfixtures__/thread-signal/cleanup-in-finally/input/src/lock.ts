export async function releaseLock(id: string) {
  await fetch(`https://locks.example.com/${id}`, { method: 'DELETE' });
}

/** The lock is released even when the work was aborted: the release does not get the signal. */
export async function withLock(id: string, work: () => Promise<void>) {
  await fetch(`https://locks.example.com/${id}`, { method: 'POST' });
  try {
    await work();
  } finally {
    await releaseLock(id);
  }
}

export function audit(event: string) {
  return fetch('https://audit.example.com', { method: 'POST', body: event }).finally(() => fetch('https://audit.example.com/flush'));
}

export async function handler(request: Request) {
  await audit('start');
  await withLock(new URL(request.url).pathname, async () => {});
}
