import { hostname } from 'node:os';

// The other branch is work of its own: this is not a sleep helper, and its callers keep it as it is.
const loadOrPause = (ready: boolean, load: () => Promise<void>) => (ready ? load() : new Promise((resolve) => setTimeout(resolve, 100)));

export async function step(ready: boolean, load: () => Promise<void>, signal: AbortSignal) {
  await loadOrPause(ready, load);
  return hostname();
}
