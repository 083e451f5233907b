interface HookContext {
  request: string;
  options: { signal?: AbortSignal; timeout?: number };
}

// The caller's signal sits two levels down: context.options.signal.
export async function send(context: HookContext) {
  return fetch(context.request, { signal: context.options.signal ? AbortSignal.any([context.options.signal, AbortSignal.timeout(context.options.timeout ?? 10_000)]) : AbortSignal.timeout(context.options.timeout ?? 10_000) });
}
