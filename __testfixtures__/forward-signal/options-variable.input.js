export async function get(url, init, signal) {
  const defaults = { headers: { accept: 'application/json' } };
  await fetch(url, init);
  await fetch(url, defaults);
}
