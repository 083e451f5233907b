import { load, sleep } from './sleep.js';

/** Aborts `controller` when `signal` does; returns what detaches it. */
export function linkAbort(signal: AbortSignal | undefined, controller: AbortController): () => void {
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  return () => signal?.removeEventListener('abort', onAbort);
}

/** Ties a controller of its own to the caller's signal and stops its work through it. */
export async function handleItem(id: string, externalSignal: AbortSignal | undefined): Promise<void> {
  const ctrl = new AbortController();
  const detach = linkAbort(externalSignal, ctrl);
  try {
    const item = await load(id);
    await sleep(item.length, ctrl.signal);
  } finally {
    detach();
  }
}
