import { once as onceEvent } from 'node:events';

const once = (fn) => fn;

export async function job(worker, signal) {
  const [result] = await onceEvent(worker, 'result', { signal });
  return once(result);
}
