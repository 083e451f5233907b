export async function get(url, init, signal) {
  const defaults = { headers: { accept: 'application/json' } };
  await fetch(url, { ...init, signal: init?.signal ?? signal });
  await fetch(url, { ...defaults, signal });
}
