export async function pollUntilDone(job: Job) {
  const stop = new AbortController();
  job.on('cancel', () => stop.abort());
  while (!(await job.done())) {
    // A callback may abort stop while this waits.
    await sleep(1000);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
