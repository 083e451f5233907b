interface Options {
  signal?: AbortSignal;
}

export async function upload(body: Blob, shutdownSignal: AbortSignal, options?: Options, requestSignal?: AbortSignal) {
  const signal = AbortSignal.any([shutdownSignal, ...(options?.signal ? [options.signal] : []), ...(requestSignal ? [requestSignal] : [])]);
  await fetch('/upload', { method: 'POST', body, signal });
}
