export function start(url: string) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 3000);
  const done = fetch(url, { signal: controller.signal });
  return { done, controller };
}

export async function cancellable(url: string, onCancel: (cancel: () => void) => void) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  onCancel(() => controller.abort());
  try {
    return await fetch(url, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

export async function registered(url: string, registry: Set<AbortController>) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  registry.add(controller);
  try {
    return await fetch(url, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

export async function destructured(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  const { signal } = controller;
  try {
    return await fetch(url, { signal });
  } finally {
    clearTimeout(timer);
  }
}
