export async function startBatch({ requests, abortSignal, timeout }: { requests: Request[]; abortSignal?: AbortSignal; timeout?: number }) {
  const operationSignal = mergeAbortSignals(abortSignal, timeout);
  const prepared = [];
  for (const request of requests) {
    prepared.push(await standardize(request));
    operationSignal?.throwIfAborted();
  }
  return prepared;
}
