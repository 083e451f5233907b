import { request } from 'node:https';

export async function withTimeout<T>(work: Promise<T>, signal: AbortSignal) {
  return Promise.race([
    work,
    new Promise((resolve) => setTimeout(resolve, 1000)),
  ]);
}

export { request };
