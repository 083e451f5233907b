/**
 * Status page probe.
 */

import type { Context } from './context.js';

/** Reads the status page, a second time if the first read fails. */
async function readTwice(ctx: Context, url: string) {
  const first = await fetch(url, { signal: ctx.signal }).catch(() => undefined);
  return first ?? fetch(url, { signal: ctx.signal });
}

export async function statusHandler(request: Request) {
  return readTwice({ signal: request.signal }, new URL('/status', request.url).href);
}
