interface Context {
  options: { timeout: number; signal?: string };
  retry: { limit: number };
}

export async function send(url: string, context: Context) {
  await fetch(url, { ...context.retry, signal: AbortSignal.timeout(context.options.timeout) });
  return fetch(url, { ...context.options, signal: AbortSignal.timeout(context.options.timeout) });
}
