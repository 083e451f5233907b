import { hostname } from 'node:os';

// allSettled never rejects: an aborted sleep would end the wait early and the loop would go on.
export async function settleAll(jobs, signal) {
  const results = await Promise.allSettled(jobs.map((job) => new Promise((resolve) => setTimeout(resolve, job.delay))));
  return { host: hostname(), results };
}

// any rejects with an AggregateError, not the AbortError a caller looks for.
export async function anyOf(delays, signal) {
  return Promise.any(Array.from(delays, (ms) => new Promise((resolve) => setTimeout(resolve, ms))));
}
