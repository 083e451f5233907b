import { stat } from 'node:fs/promises';

export async function waitForFile(path, options = {}) {
  while (!options.signal?.aborted && !(await exists(path))) {
    await new Promise((resolve) => setTimeout(resolve, options.interval ?? 100));
  }
}

async function exists(path) {
  return stat(path).then(() => true, () => false);
}
