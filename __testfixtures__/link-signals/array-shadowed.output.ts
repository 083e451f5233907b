import { Array } from './collections';

export async function load(ids: Array<string>, signal: AbortSignal) {
  const linkedSignal = AbortSignal.any([signal]);
  return fetchAll(ids, linkedSignal);
}
