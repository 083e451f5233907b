const shutdown = new AbortController();

export function stop() {
  shutdown.abort();
}

// A deadline combined with the process's shutdown signal, but not with the caller's.
export async function getReport(id: string, signal?: AbortSignal) {
  const deadline = AbortSignal.any([AbortSignal.timeout(30_000), shutdown.signal]);
  const response = await fetch(`https://reports.example.com/${id}`, { signal: deadline });
  return response.json();
}
