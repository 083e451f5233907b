import { Pool } from 'pg';
import Redis from 'ioredis';

const pool = new Pool();
const redis = new Redis();

// No signal in scope.
export async function report(id: string) {
  return (await pool.query('select * from orders where id = $1', [id])).rows;
}

// The promise is kept, not awaited: the caller may race it against the signal.
export function cached(id: string, signal: AbortSignal) {
  return redis.get(`order:${id}`);
}

// Signal-aware calls are another rule's business.
export async function load(url: string, signal: AbortSignal) {
  return fetch(url, { signal });
}
