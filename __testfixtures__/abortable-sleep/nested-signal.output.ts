import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

interface JobContext {
  options: { signal?: AbortSignal; interval: number };
}

export async function poll(context: JobContext, path: string) {
  for (;;) {
    if (await readFile(path, 'utf8')) return;
    await sleep(context.options.interval, undefined, { signal: context.options.signal });
  }
}

export class Watcher {
  constructor(private readonly config: { signal?: AbortSignal; delay: number }) {}

  async settle() {
    if (this.config.signal?.aborted) return;
    await sleep(this.config.delay, undefined, { signal: this.config.signal });
  }
}
