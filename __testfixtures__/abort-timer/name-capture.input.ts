export const load = async function signal(url: string, retries: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    return await fetch(url, { signal: controller.signal });
  } catch (error) {
    if (retries > 0) return signal(url, retries - 1);
    throw error;
  } finally {
    clearTimeout(timer);
  }
};

export async function withCallback(make: (signal: AbortSignal) => Promise<Response>) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    return await make(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

export async function beforeLaterDeclaration(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    return await fetch(url, { signal: controller.signal, headers: { 'x-signal': String(signal) } });
  } finally {
    clearTimeout(timer);
  }
}

var signal = 'SIGTERM';
