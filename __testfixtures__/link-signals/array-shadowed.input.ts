import { Array } from './collections';

export async function load(ids: Array<string>, signal: AbortSignal) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort());
  return fetchAll(ids, controller.signal);
}
