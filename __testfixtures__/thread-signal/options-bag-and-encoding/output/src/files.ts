import { readFile, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';

export async function copy(from: string, to: string, signal?: AbortSignal) {
  const text = await readFile(from, { encoding: 'utf8', signal });
  await writeFile(to, text, { encoding: 'utf8' });
  spawn('sync', [], { signal });
}

export interface JobOptions {
  retries?: number;
  signal?: AbortSignal;
}

export async function job(paths: string[], options?: JobOptions) {
  await copy(paths[0] ?? '', paths[1] ?? '', options?.signal);
}
