export async function run(signals: Iterable<AbortSignal>, parent: AbortSignal, job: Job) {
  const controller = new AbortController();
  for (const s of signals) s.addEventListener('abort', () => controller.abort());
  parent.addEventListener('abort', () => controller.abort());
  await job.start({ signal: controller.signal });
}
