import { readFile } from 'node:fs/promises';

interface Job {
  init?: RequestInit | undefined;
  path: string;
}

// A RequestInit's signal may be null: fetch takes it, Node's APIs need undefined instead.
export async function run(job: Job, url: string) {
  const body = await readFile(job.path, { encoding: 'utf8', signal: job.init?.signal ?? undefined });
  return fetch(url, { method: 'POST', body, signal: job.init?.signal });
}

export async function untyped(task, url) {
  if (task.init.signal?.aborted) return;
  return readFile(url, { signal: task?.init?.signal ?? undefined });
}
