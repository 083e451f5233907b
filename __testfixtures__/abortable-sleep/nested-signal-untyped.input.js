import { stat } from 'node:fs/promises';

export async function waitFor(path, context) {
  while (!context.options.signal?.aborted) {
    if (await stat(path).catch(() => undefined)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
