export function parseWithDeadline(text: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 1000);
  const result = parse(text, { signal: controller.signal });
  clearTimeout(timer);
  return result;
}

export async function start(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 1000);
  try {
    const pending = fetch(url, { signal: controller.signal });
    return pending;
  } finally {
    clearTimeout(timer);
  }
}
