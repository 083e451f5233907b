import { Pool } from 'pg';
import mysql from 'mysql2/promise';
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import knex from 'knex';

const pool = new Pool();
const redis = new Redis();
const prisma = new PrismaClient();
const db = knex({ client: 'pg' });

export async function report(id: string, signal: AbortSignal) {
  const { rows } = await pool.query('select * from orders where id = $1', [id]);
  const connection = await mysql.createConnection({ host: 'localhost' });
  const [lines] = await connection.execute('select * from lines where order_id = ?', [id]);
  const cached = await redis.get(`order:${id}`);
  const user = await prisma.user.findUnique({ where: { id } });
  const totals = await db.raw('select sum(total) from orders');
  return { rows, lines, cached, user, totals };
}

export function returned(id: string, signal: AbortSignal) {
  return pool.query('select * from orders where id = $1', [id]);
}

export const arrow = (id: string, signal: AbortSignal) => redis.get(`order:${id}`);

export function chained(id: string, signal: AbortSignal) {
  void redis.get(`order:${id}`).then((value) => console.log(value));
}

export async function passedOn(ids: string[], signal: AbortSignal) {
  const rows = await Promise.all(ids.map((id) => pool.query('select * from orders where id = $1', [id])));
  const both = await Promise.all([redis.get('a'), redis.get('b')]);
  return { rows, both, logged: log(redis.get('c')) };
}

function log(value: Promise<unknown>) {
  return value;
}
