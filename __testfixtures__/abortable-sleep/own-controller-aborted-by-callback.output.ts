import { setTimeout as setTimeoutPromise } from 'node:timers/promises';

export async function pollUntilDone(job: Job) {
  const stop = new AbortController();
  job.on('cancel', () => stop.abort());
  while (!(await job.done())) {
    // A callback may abort stop while this waits.
    await sleep(1000, stop.signal);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return setTimeoutPromise(ms, undefined, { signal });
}
