import { spawn } from 'node:child_process';
import { once } from 'node:events';

export async function build(signal: AbortSignal) {
  const child = spawn('make');
  await once(child, 'exit', { signal });
  return child.exitCode;
}
