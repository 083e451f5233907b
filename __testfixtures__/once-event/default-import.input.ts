import EventEmitter from 'node:events';

const once = new Set<string>();

export async function job(worker: EventEmitter, signal: AbortSignal) {
  const result = await new Promise((resolve, reject) => {
    worker.once('result', resolve);
    worker.once('error', reject);
  });
  once.add(String(result));
}
