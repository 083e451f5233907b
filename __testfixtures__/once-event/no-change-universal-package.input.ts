import type { EventEmitter } from 'node:events';

// The package of this file also builds for workers (see the options): no node: import.
export async function nextMessage(port: EventEmitter, signal: AbortSignal) {
  return new Promise((resolve, reject) => {
    port.once('message', resolve);
    port.once('error', reject);
  });
}
