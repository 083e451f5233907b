export async function post(url: string, body: string, signal: AbortSignal) {
  await fetch(url, {
    method: 'POST', // not idempotent: no retries
    body
  });
  await fetch(url, {
    method: 'PUT',
    body, // sent as is
  });
  await fetch(url, {
    method: 'DELETE',
    // keep-alive is the default
  });
  await fetch(url, {
    method: 'HEAD' });
}

export async function load(path: string, init: RequestInit, signal: AbortSignal) {
  await fetch(path, /* cached */ { cache: 'force-cache' });
  await fetch(path, /* caller's init */ init);
  await fetch(path, { cache: 'no-store' } /* always fresh */);
}
