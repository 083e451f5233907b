import { db } from './db';

export async function query(sql: string, signal: AbortSignal) {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort);
  try {
    // The driver stops the query when the signal aborts.
    return await db.query(sql, { signal: controller.signal });
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
