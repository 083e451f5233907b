import { shutdownSignal } from './lifecycle';

export async function worker(queue: Queue, signal: AbortSignal) {
  signal.addEventListener('abort', () => queue.pause());
  shutdownSignal.addEventListener('abort', onShutdown, { passive: true });
  await queue.drain();
}

export function tracked(options: { signal: AbortSignal }, onAbort: () => void) {
  options.signal.addEventListener('abort', onAbort);
  return () => options.signal.removeEventListener('abort', onAbort);
}

export function wrongRemoval(signal: AbortSignal) {
  signal.addEventListener('abort', () => cleanup());
  return () => signal.removeEventListener('abort', () => cleanup());
}

export function captureFlag(signal: AbortSignal, listener: () => void) {
  signal.addEventListener('abort', listener, true);
}

export function local() {
  const controller = new AbortController();
  controller.signal.addEventListener('abort', () => cleanup());
  return controller;
}

export function optionalSignal(options?: { signal?: AbortSignal }) {
  options?.signal?.addEventListener('abort', () => cleanup());
}

export async function optionalInOperation(conn: Connection, signal?: AbortSignal) {
  const onAbort = () => conn.destroy();
  signal?.addEventListener('abort', onAbort);
  try {
    await conn.query('select 1');
  } finally {
    signal?.removeEventListener('abort', onAbort);
    conn.release();
  }
}
