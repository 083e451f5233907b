import { readFile } from 'node:fs/promises';

interface JobContext {
  options: { signal?: AbortSignal; interval: number };
}

export async function poll(context: JobContext, path: string) {
  for (;;) {
    if (await readFile(path, 'utf8')) return;
    await new Promise((resolve) => setTimeout(resolve, context.options.interval));
  }
}

export class Watcher {
  constructor(private readonly config: { signal?: AbortSignal; delay: number }) {}

  async settle() {
    if (this.config.signal?.aborted) return;
    await new Promise((resolve) => setTimeout(resolve, this.config.delay));
  }
}
