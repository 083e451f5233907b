import type { EventEmitter } from 'node:events';

// The package also builds for workers, but --runtime node says to treat every file as Node code.
export async function nextMessage(port: EventEmitter, signal: AbortSignal) {
  return new Promise((resolve, reject) => {
    port.once('message', resolve);
    port.once('error', reject);
  });
}
