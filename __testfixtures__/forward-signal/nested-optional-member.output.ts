interface CallOptions {
  signal?: AbortSignal;
}

interface Context {
  options?: CallOptions;
}

// `options` may be missing: its signal is read with `?.`.
export async function get(url: string, context: Context) {
  return fetch(url, { signal: context.options?.signal });
}
