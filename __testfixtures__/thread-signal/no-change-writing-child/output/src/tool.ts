import { writeTextFile } from './write.js';

export async function execute(params: { path: string; content: string }, signal: AbortSignal) {
  if (signal.aborted) return 'cancelled';
  await writeTextFile('sandbox-write', params.path, params.content);
  return `wrote ${params.path}`;
}
