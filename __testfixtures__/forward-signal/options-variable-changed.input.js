export async function load(url, signal, deadline) {
  const init = { method: 'POST' };
  if (deadline) init.signal = deadline;
  await fetch(url, init);
  const merged = { method: 'PUT' };
  Object.assign(merged, { signal: deadline });
  await fetch(url, merged);
  const plain = { method: 'GET' };
  console.log(plain.method, { ...plain });
  await fetch(url, plain);
}
