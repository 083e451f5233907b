import { hostname } from 'node:os';

// A stored sleep raced against the work is a timeout: aborting only the timer would leave the
// work running, so it is left to race-timeout.
export async function withDeadline<T>(work: Promise<T>, ms: number, signal: AbortSignal) {
  const deadline = new Promise((resolve) => setTimeout(resolve, ms));
  return Promise.race([work, deadline]);
}

// Awaited next, but also handed to someone else.
export async function shared(ms: number, track: (p: Promise<unknown>) => void, signal: AbortSignal) {
  const wait = new Promise((resolve) => setTimeout(resolve, ms));
  await wait;
  track(wait);
}

export { hostname };
