import { log } from './log';

export async function backoff(attempt: number, signal?: AbortSignal) {
  log('waiting');
  await new Promise<void>((resolve) => setTimeout(resolve, 2 ** attempt * 100));
}
