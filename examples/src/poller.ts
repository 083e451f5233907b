import { getJson } from './api-client.ts';

interface Job {
  id: string;
  state: 'queued' | 'running' | 'done';
}

/**
 * Polls the job queue until shutdown. Each interval is a plain timer: aborting `signal`
 * during the wait changes nothing until the timer fires.
 */
export async function pollJobs(signal: AbortSignal, onJob: (job: Job) => void, intervalMs = 5_000) {
  while (!signal.aborted) {
    const jobs = await getJson<Job[]>('https://jobs.internal/api/queue', { signal });
    jobs.filter((job) => job.state === 'queued').forEach(onJob);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
