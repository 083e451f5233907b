import { readFile } from 'node:fs/promises';

export async function step(context, path) {
  if (context.options.signal?.aborted) return undefined;
  return readFile(path, 'utf8');
}

export async function route(req, url) {
  req.raw.signal?.throwIfAborted();
  return fetch(url);
}
