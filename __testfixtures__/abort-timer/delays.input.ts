const TIMEOUT_MS = 30 * 1000;

export async function constant(url: string) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), TIMEOUT_MS);
  return fetch(url, { signal: controller.signal });
}

export async function parameter(url: string, timeoutMs = 2_000) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), timeoutMs);
  return fetch(url, { signal: controller.signal });
}

export async function seconds(url: string, options: { timeoutSeconds: number }) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), options.timeoutSeconds * 1000);
  return fetch(url, { signal: controller.signal });
}

export async function fallback(url: string, options: { timeoutMs?: number }) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), options.timeoutMs ?? 5000);
  return fetch(url, { signal: controller.signal });
}

export async function destructured(url: string, { timeoutMs = 5000 }: { timeoutMs?: number } = {}) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), timeoutMs);
  return fetch(url, { signal: controller.signal });
}

export async function unpacked(url: string, options: { timeoutMs: number }) {
  const { timeoutMs } = options;
  const controller = new AbortController();
  setTimeout(() => controller.abort(), timeoutMs);
  return fetch(url, { signal: controller.signal });
}
