import { stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export async function waitFor(path, context) {
  while (!context.options.signal?.aborted) {
    if (await stat(path).catch(() => undefined)) return;
    await sleep(50, undefined, { signal: context?.options?.signal });
  }
}
