export async function pattern(url: string, options: { signal: AbortSignal }) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  ({ signal: controller.signal } = options);
  try {
    return await fetch(url);
  } finally {
    clearTimeout(timer);
  }
}

export async function argument(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), getDelay(controller.signal));
  try {
    return await fetch(url, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

export async function storedEarlier(url: string, registry: Registry) {
  const getSignal = () => controller.signal;
  const controller = new AbortController();
  registry.register(getSignal);
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    return await fetch(url, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}
