/** Tells the server to stop billing: sent once the caller aborted, so it must not get that signal. */
async function cancelOnServer(id: string, signal?: AbortSignal): Promise<void> {
  await fetch(`https://api.example.com/jobs/${id}/cancel`, { method: 'POST', signal });
}

async function notifyCancelled(id: string): Promise<void> {
  await fetch(`https://api.example.com/jobs/${id}/events`, { method: 'POST', body: 'cancelled' });
}

function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export async function poll(id: string, abortSignal?: AbortSignal): Promise<string> {
  const cancel = () => cancelOnServer(id);
  try {
    for (;;) {
      if (abortSignal?.aborted) {
        await cancel();
        await notifyCancelled(id);
        throw new DOMException('Polling was aborted', 'AbortError');
      }
      const response = await fetch(`https://api.example.com/jobs/${id}`, { signal: abortSignal });
      const job = (await response.json()) as { done: boolean; result: string };
      if (job.done) return job.result;
    }
  } catch (error) {
    if (isAbortError(error)) {
      await cancel();
    }
    throw error;
  }
}
