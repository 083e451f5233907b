export async function run(signals: Iterable<AbortSignal>, parent: AbortSignal, job: Job) {
  const signal = AbortSignal.any([...signals, parent]);
  await job.start({ signal });
}
