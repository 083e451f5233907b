import { getOrder, getUser } from './client';

/** The signal of the job running now; null between jobs. */
export const current: { signal: AbortSignal | null } = { signal: null };

// A configured root (thread.roots) whose signal may be null, which the new `signal?: AbortSignal`
// does not take: the set of getUser (this call and getUser's signature) is dropped, with the
// diagnostic as the reason.
export async function handleUser(id: string) {
  return getUser(id);
}

// A set of its own, threaded.
export async function handleOrder(request: Request) {
  return getOrder(request.url);
}
