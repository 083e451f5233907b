export async function run(jobs: Job[], retry: boolean) {
  if (retry) {
    const controller = new AbortController();
    schedule(controller);
  }
  for (const job of jobs) {
    await job.run();
  }
}

export async function later(jobs: Job[]) {
  for (const job of jobs) {
    await job.run();
  }
  const controller = new AbortController();
  return controller;
}
