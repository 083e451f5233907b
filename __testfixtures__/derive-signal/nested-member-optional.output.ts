interface CallOptions {
  signal?: AbortSignal;
}

interface Context {
  options?: CallOptions;
}

export async function get(url: string, context?: Context) {
  const response = await fetch(url, { signal: context?.options?.signal ? AbortSignal.any([context?.options?.signal, AbortSignal.timeout(5000)]) : AbortSignal.timeout(5000) });
  return response.json();
}
