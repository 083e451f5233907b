interface CallOptions {
  signal?: AbortSignal;
}

interface Context {
  options?: CallOptions;
}

export async function get(url: string, context?: Context) {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return response.json();
}
