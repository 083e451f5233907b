import type { Job } from './job.js';

export async function handle(job: Job, request: Request) {
  await job.execute(request.url);
}
