const shutdown = new AbortController();

// The signal in scope, as forward-signal passes it: combined with the timeout.
export async function getUser(id: string, signal: AbortSignal) {
  const timeoutSignal = AbortSignal.timeout(5000);
  const response = await fetch(`/users/${id}`, { signal: AbortSignal.any([signal, timeoutSignal]) }).catch((error) => {
    throw timeoutSignal.aborted ? new Error('timeout') : error;
  });
  return response;
}

// Another signal: left for a human, the timer is cleared.
export async function getTeam(id: string, signal: AbortSignal) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const response = await Promise.race([
    fetch(`/teams/${id}`, { signal: shutdown.signal }),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), 5000);
    }),
  ]).finally(() => clearTimeout(timer));
  return response;
}
