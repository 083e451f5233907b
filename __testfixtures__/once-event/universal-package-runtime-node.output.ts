import type { EventEmitter } from 'node:events';
import { once } from 'node:events';

// The package also builds for workers, but --runtime node says to treat every file as Node code.
export async function nextMessage(port: EventEmitter, signal: AbortSignal) {
  return once(port, 'message', { signal }).then(([value]) => value);
}
