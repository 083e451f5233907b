export async function untilDeadline(url: string, deadline: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deadline - Date.now());
  try {
    return await fetch(url, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

export async function fromEnvironment(url: string) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), Number(process.env.TIMEOUT_MS));
  return fetch(url, { signal: controller.signal });
}

export async function optional(url: string, options?: { timeoutMs: number }) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), options?.timeoutMs);
  return fetch(url, { signal: controller.signal });
}

export async function reassigned(url: string, slow: boolean) {
  let delay = 1000;
  if (slow) delay = delay * 1.5;
  const controller = new AbortController();
  setTimeout(() => controller.abort(), delay);
  return fetch(url, { signal: controller.signal });
}
