import { spawn } from 'node:child_process';

export async function build(signal: AbortSignal) {
  const child = spawn('make');
  await new Promise((resolve, reject) => {
    child.once('exit', resolve);
    child.once('error', reject);
  });
  return child.exitCode;
}
