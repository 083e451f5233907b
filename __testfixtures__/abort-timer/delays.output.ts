const TIMEOUT_MS = 30 * 1000;

export async function constant(url: string) {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  return fetch(url, { signal });
}

export async function parameter(url: string, timeoutMs = 2_000) {
  const signal = AbortSignal.timeout(timeoutMs);
  return fetch(url, { signal });
}

export async function seconds(url: string, options: { timeoutSeconds: number }) {
  const signal = AbortSignal.timeout(options.timeoutSeconds * 1000);
  return fetch(url, { signal });
}

export async function fallback(url: string, options: { timeoutMs?: number }) {
  const signal = AbortSignal.timeout(options.timeoutMs ?? 5000);
  return fetch(url, { signal });
}

export async function destructured(url: string, { timeoutMs = 5000 }: { timeoutMs?: number } = {}) {
  const signal = AbortSignal.timeout(timeoutMs);
  return fetch(url, { signal });
}

export async function unpacked(url: string, options: { timeoutMs: number }) {
  const { timeoutMs } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  return fetch(url, { signal });
}
