import { sleep } from './sleep.js';

/** Project sinks started and left to run: they outlive the request whose signal is in scope. */
export function scheduleRefresh(options: { signal?: AbortSignal }): void {
  void sleep(60_000);
}

export function warmUp(signal: AbortSignal): void {
  sleep(10).catch(() => undefined);
}
