import type { Context } from './context.js';

export async function getUser(ctx: Context, id: string) {
  const response = await fetch(`https://users.example.com/${id}`, { signal: ctx.signal ?? null });
  return response.json();
}

export async function handle(req: Request) {
  return getUser({ signal: req.signal }, new URL(req.url).pathname);
}

export async function handleWith(id: string, opts: { signal?: AbortSignal }) {
  return getUser({ ...(opts.signal ? { signal: opts.signal } : {}) }, id);
}
