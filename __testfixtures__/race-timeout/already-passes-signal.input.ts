const shutdown = new AbortController();

// The signal in scope, as forward-signal passes it: combined with the timeout.
export async function getUser(id: string, signal: AbortSignal) {
  const response = await Promise.race([
    fetch(`/users/${id}`, { signal }),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
  ]);
  return response;
}

// Another signal: left for a human, the timer is cleared.
export async function getTeam(id: string, signal: AbortSignal) {
  const response = await Promise.race([
    fetch(`/teams/${id}`, { signal: shutdown.signal }),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
  ]);
  return response;
}
