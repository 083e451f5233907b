import { spawn } from 'node:child_process';

/** Stops recording on abort and resolves with what was captured so far. */
export function record(signal?: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('ffmpeg', ['-i', 'default'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let data = '';
    child.stdout.on('data', (chunk) => (data += chunk));
    child.on('close', () => resolve(data));
    signal?.addEventListener('abort', () => child.kill('SIGINT'), { once: true });
  });
}
