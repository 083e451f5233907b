export async function post(url: string, body: string, signal: AbortSignal) {
  await fetch(url, {
    method: 'POST', // not idempotent: no retries
    body,
    signal
  });
  await fetch(url, {
    method: 'PUT',
    body, // sent as is
    signal,
  });
  await fetch(url, {
    method: 'DELETE',
    signal,
    // keep-alive is the default
  });
  await fetch(url, {
    method: 'HEAD',
    signal });
}

export async function load(path: string, init: RequestInit, signal: AbortSignal) {
  await fetch(path, /* cached */ { cache: 'force-cache', signal });
  await fetch(path, /* caller's init */ { ...init, signal: init.signal ?? signal });
  await fetch(path, { cache: 'no-store', signal } /* always fresh */);
}
