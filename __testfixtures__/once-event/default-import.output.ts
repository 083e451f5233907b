import EventEmitter from 'node:events';

const once = new Set<string>();

export async function job(worker: EventEmitter, signal: AbortSignal) {
  const [result] = await EventEmitter.once(worker, 'result', { signal });
  once.add(String(result));
}
