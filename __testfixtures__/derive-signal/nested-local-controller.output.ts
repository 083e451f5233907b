interface RouteContext {
  request: { signal: AbortSignal; url: string };
}

export async function proxy(ctx: RouteContext) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    return await fetch(ctx.request.url, { signal: ctx.request.signal ? AbortSignal.any([ctx.request.signal, controller.signal]) : controller.signal });
  } finally {
    clearTimeout(timer);
  }
}
