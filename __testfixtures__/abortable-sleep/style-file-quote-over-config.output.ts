import { setTimeout as sleep } from 'node:timers/promises';
import { log } from './log';

export async function backoff(attempt: number, signal?: AbortSignal) {
  log('waiting');
  await sleep(2 ** attempt * 100, undefined, { signal });
}
