import { readFile } from 'node:fs/promises';

interface Job {
  init?: RequestInit | undefined;
  path: string;
}

// A RequestInit's signal may be null: fetch takes it, Node's APIs need undefined instead.
export async function run(job: Job, url: string) {
  const body = await readFile(job.path, 'utf8');
  return fetch(url, { method: 'POST', body });
}

export async function untyped(task, url) {
  if (task.init.signal?.aborted) return;
  return readFile(url);
}
