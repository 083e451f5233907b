import { hostname } from 'node:os';

export async function waitThenRead(ms: number, signal: AbortSignal) {
  const wait = new Promise((resolve) => setTimeout(resolve, ms));
  await wait;
  return hostname();
}

export async function waitForValue(ms: number, signal: AbortSignal) {
  let pause: Promise<unknown> = new Promise((resolve) => setTimeout(resolve, ms));
  const value = await pause;
  return value;
}

export async function waitAndReturn(ms: number, signal: AbortSignal) {
  const wait = new Promise((resolve) => setTimeout(resolve, ms));
  return wait;
}
