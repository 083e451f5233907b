import { db } from './db';

export async function query(sql: string, signal: AbortSignal) {
  const linkedSignal = AbortSignal.any([signal]);
  // The driver stops the query when the signal aborts.
  return await db.query(sql, { signal: linkedSignal });
}
