export async function fetchWithCallerSignal(url: string, signal: AbortSignal) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  try {
    return await fetch(url, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

export async function fetchOptionalSignal(url: string, signal?: AbortSignal) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  const response = await fetch(url, { signal: controller.signal });
  clearTimeout(timer);
  return response;
}

interface LoadOptions {
  signal?: AbortSignal;
  timeoutMs: number;
}

export async function load(url: string, options: LoadOptions) {
  const ac = new AbortController();
  const id = setTimeout(() => ac.abort(), options.timeoutMs);
  try {
    const response = await fetch(url, { signal: ac.signal });
    return response.json();
  } finally {
    clearTimeout(id);
  }
}
