import { once, on } from 'node:events';

export async function waitForAbort(requestSignal: AbortSignal, options?: { signal?: AbortSignal }) {
  await once(requestSignal, 'abort');
  return requestSignal.reason;
}

export async function untilStopped(controller: AbortController, signal?: AbortSignal) {
  await once(controller.signal, 'abort');
  for await (const _ of on(controller.signal, 'abort')) break;
}
