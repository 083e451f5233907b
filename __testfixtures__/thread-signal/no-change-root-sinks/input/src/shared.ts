import { load } from './sleep.js';

const items = new Map<string, Promise<string>>();

/** A project sink whose result is cached for every caller: one caller's abort would reject the others. */
export function getItem(id: string, signal: AbortSignal): Promise<string> {
  let item = items.get(id);
  if (!item) {
    item = load(id);
    items.set(id, item);
  }
  return item;
}
