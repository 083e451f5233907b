export function applyTimeout(context) {
  if (context.options.timeout) {
    context.options.signal = context.options.signal
      ? AbortSignal.any([AbortSignal.timeout(context.options.timeout), context.options.signal])
      : AbortSignal.timeout(context.options.timeout);
  }
}

export async function send(url, context) {
  const controller = new AbortController();
  context.options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  return fetch(url, { signal: controller.signal });
}
