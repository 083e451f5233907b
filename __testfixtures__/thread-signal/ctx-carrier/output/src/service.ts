import { getMany, getUser, post, readTemplate } from './client.js';
import type { Context } from './context.js';

export class ProfileService {
  async profile(ctx: Context, id: string) {
    const [user, friends] = await Promise.all([getUser(ctx, id), getMany(ctx, id, 'friends')]);
    return { user, friends, page: await readTemplate(ctx, 'profile') };
  }
}

/** Already Go-style: its context is passed on as it is. */
export async function notify(ctx: Context, id: string) {
  await post(ctx, `https://notify.example.com/${id}`, ctx.requestId ?? '');
  return getUser(ctx, id);
}

export async function handler(request: Request) {
  return new ProfileService().profile({ signal: request.signal }, new URL(request.url).pathname);
}

// Module top level: no signal anywhere, so the call gets an empty context (reported).
export const warmup = getUser({}, 'warmup');
