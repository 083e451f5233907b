export async function transfer(job, requestSignal, shutdownSignal) {
  let controller = new AbortController();
  const onAbort = () => controller.abort();
  requestSignal.addEventListener('abort', onAbort);
  shutdownSignal.addEventListener('abort', onAbort);
  try {
    await job.run({ signal: controller.signal });
  } finally {
    requestSignal.removeEventListener('abort', onAbort);
    shutdownSignal.removeEventListener('abort', onAbort);
  }
}
