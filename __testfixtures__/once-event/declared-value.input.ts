import { EventEmitter } from 'node:events';

export async function nextMessage(bus: EventEmitter, signal?: AbortSignal) {
  const message = await new Promise((resolve, reject) => {
    bus.on('message', (m) => resolve(m));
    bus.on('error', (err) => reject(err));
  });
  return message;
}
