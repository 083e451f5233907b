import { Client } from 'pg';
import superagent from 'some-http-lib';

export async function query(client: Client, signal: AbortSignal) {
  await client.query('SELECT 1');
  await superagent.get('/health');
}
