import { readFile } from 'node:fs/promises';

export class CancelledError extends Error {}

// The code reports an abort as its own CancelledError: with the signal, readFile would reject
// with an AbortError first, and callers that catch CancelledError would miss it.
export async function loadAll(paths: string[], signal: AbortSignal) {
  const results: string[] = [];
  for (const path of paths) {
    if (signal.aborted) throw new CancelledError('load cancelled');
    results.push(await readFile(path, 'utf8'));
  }
  return results;
}

export async function loadConfig(path: string, options: { signal?: AbortSignal }) {
  const text = await readFile(path, 'utf8');
  if (options.signal?.aborted) {
    throw new CancelledError('load cancelled');
  }
  return JSON.parse(text);
}
