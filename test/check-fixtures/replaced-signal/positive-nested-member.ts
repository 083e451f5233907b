interface HookContext {
  request: string;
  options: { signal?: AbortSignal; timeout?: number };
}

// The caller's signal is context.options.signal; the deadline takes its place.
export async function send(context: HookContext) {
  return fetch(context.request, { signal: AbortSignal.timeout(context.options.timeout ?? 10_000) });
}
