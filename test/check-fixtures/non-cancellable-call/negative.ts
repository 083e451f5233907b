import { Pool } from 'pg';
import Redis from 'ioredis';

const pool = new Pool();
const redis = new Redis();

// No signal in scope.
export async function report(id: string) {
  return (await pool.query('select * from orders where id = $1', [id])).rows;
}

// The promise is kept, then raced against the signal: the caller stops waiting on abort.
export function cached(id: string, signal: AbortSignal) {
  const pending = redis.get(`order:${id}`);
  const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
  return Promise.race([pending, aborted]);
}

// Given straight to Promise.race with the signal's promise.
export function raced(id: string, signal: AbortSignal, aborted: Promise<never>) {
  signal.throwIfAborted();
  return Promise.race([pool.query('select * from orders where id = $1', [id]), aborted]);
}

// Signal-aware calls are another rule's business.
export async function load(url: string, signal: AbortSignal) {
  return fetch(url, { signal });
}
