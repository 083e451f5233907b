import { stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export async function waitForFile(path, options = {}) {
  while (!options.signal?.aborted && !(await exists(path))) {
    await sleep(options.interval ?? 100, undefined, { signal: options.signal });
  }
}

async function exists(path) {
  return stat(path).then(() => true, () => false);
}
