import { getMany, getUser, post, readTemplate } from './client.js';
import type { Context } from './context.js';

export class ProfileService {
  async profile(id: string) {
    const [user, friends] = await Promise.all([getUser(id), getMany(id, 'friends')]);
    return { user, friends, page: await readTemplate('profile') };
  }
}

/** Already Go-style: its context is passed on as it is. */
export async function notify(ctx: Context, id: string) {
  await post(`https://notify.example.com/${id}`, ctx.requestId ?? '');
  return getUser(id);
}

export async function handler(request: Request) {
  return new ProfileService().profile(new URL(request.url).pathname);
}

// Module top level: no signal anywhere, so the call gets an empty context (reported).
export const warmup = getUser('warmup');
