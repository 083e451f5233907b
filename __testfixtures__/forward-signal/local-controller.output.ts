export async function fetchWithDeadline(url: string, ms: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await fetch(url, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

export async function fetchDestructured(url: string) {
  const controller = new AbortController();
  const { signal } = controller;
  process.once('SIGINT', () => controller.abort());
  return fetch(url, { method: 'HEAD', signal });
}

// A controller made after the call, or in another function, is not this call's signal.
export async function controllerAfterCall(url: string) {
  const response = await fetch(url);
  const controller = new AbortController();
  return { response, controller };
}
