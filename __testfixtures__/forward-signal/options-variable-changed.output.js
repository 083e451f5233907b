export async function load(url, signal, deadline) {
  const init = { method: 'POST' };
  if (deadline) init.signal = deadline;
  await fetch(url, { ...init, signal: init.signal ?? signal });
  const merged = { method: 'PUT' };
  Object.assign(merged, { signal: deadline });
  await fetch(url, { ...merged, signal: merged.signal ?? signal });
  const plain = { method: 'GET' };
  console.log(plain.method, { ...plain });
  await fetch(url, { ...plain, signal });
}
