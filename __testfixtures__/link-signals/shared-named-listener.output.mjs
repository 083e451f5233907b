export async function transfer(job, requestSignal, shutdownSignal) {
  const signal = AbortSignal.any([requestSignal, shutdownSignal]);
  await job.run({ signal });
}
