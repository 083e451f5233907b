import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return ms > 0 ? sleep(ms, undefined, { signal }) : Promise.resolve();
}

export async function poll(check: () => Promise<boolean>, interval: number, signal: AbortSignal) {
  while (!(await check())) await wait(interval, signal);
  return hostname();
}

export async function warmup() {
  await wait(10);
}
