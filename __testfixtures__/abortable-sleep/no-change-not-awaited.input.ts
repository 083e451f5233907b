import { hostname } from 'node:os';

export async function later(signal: AbortSignal) {
  const p = new Promise((r) => setTimeout(r, 10));
  console.log(hostname());
  await p;
}
