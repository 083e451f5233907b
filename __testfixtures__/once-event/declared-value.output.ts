import { EventEmitter, once } from 'node:events';

export async function nextMessage(bus: EventEmitter, signal?: AbortSignal) {
  const [message] = await once(bus, 'message', { signal });
  return message;
}
