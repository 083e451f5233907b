export function start(url: string, timers: NodeJS.Timeout[]) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  timers.push(timer);
  return fetch(url, { signal: controller.signal });
}

export async function guarded(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  try {
    return await fetch(url, { signal: controller.signal });
  } finally {
    if (timer) clearTimeout(timer);
  }
}

export async function refreshed(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  const response = await fetch(url, { signal: controller.signal });
  timer.refresh();
  return response;
}
