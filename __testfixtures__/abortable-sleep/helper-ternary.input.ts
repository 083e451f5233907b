import { hostname } from 'node:os';

function wait(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export async function poll(check: () => Promise<boolean>, interval: number, signal: AbortSignal) {
  while (!(await check())) await wait(interval);
  return hostname();
}

export async function warmup() {
  await wait(10);
}
