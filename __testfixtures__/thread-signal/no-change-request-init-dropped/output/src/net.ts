const texts = new Map<string, string>();

export async function fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

// Same signature as the network version it stands in for; the init is not used.
export async function fetchText(url: string, _init: RequestInit): Promise<string> {
  return texts.get(url) ?? '';
}
