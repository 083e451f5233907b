import { spawn } from 'node:child_process';

export async function build(signal: AbortSignal) {
  const child = spawn('make', { signal });
  try {
    return await collect(child);
  } finally {
    // Cleanup waits for the exit when the build was aborted too: the signal would cut it short.
    await new Promise((resolve, reject) => {
      child.once('exit', resolve);
      child.once('error', reject);
    });
  }
}
