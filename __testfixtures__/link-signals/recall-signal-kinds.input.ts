export async function withDeadline(url: string) {
  const deadline = AbortSignal.timeout(5_000);
  const controller = new AbortController();
  deadline.addEventListener('abort', () => controller.abort());
  return fetch(url, { signal: controller.signal });
}

export async function asserted(url: string, parent: unknown) {
  const controller = new AbortController();
  (parent as AbortSignal).addEventListener('abort', () => controller.abort());
  return fetch(url, { signal: controller.signal });
}

export async function combined(url: string, a: AbortSignal, b: AbortSignal) {
  const either = AbortSignal.any([a, b]);
  const controller = new AbortController();
  either.addEventListener('abort', () => controller.abort());
  return fetch(url, { signal: controller.signal });
}

export async function typedOption(url: string, options: { cancel: AbortSignal }) {
  const controller = new AbortController();
  options.cancel.addEventListener('abort', () => controller.abort());
  return fetch(url, { signal: controller.signal });
}

export class Worker {
  constructor(private readonly shutdown: AbortSignal) {}

  async run(url: string) {
    const controller = new AbortController();
    this.shutdown.addEventListener('abort', () => controller.abort());
    return fetch(url, { signal: controller.signal });
  }
}

export async function capture(url: string, parent: AbortSignal, other: AbortSignal) {
  const controller = new AbortController();
  parent.addEventListener('abort', () => controller.abort(), true);
  other.addEventListener('abort', () => controller.abort(), { capture: true, once: true });
  return fetch(url, { signal: controller.signal });
}
