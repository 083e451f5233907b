interface LoadOptions {
  url: string;
  signal?: AbortSignal;
}

export async function load({ url, signal }: LoadOptions) {
  const response = await fetch(url, {
    method: 'GET',
    signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(2000)]) : AbortSignal.timeout(2000),
  });
  return response.text();
}
