import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

// events.once() throws on a null signal: it gets `signal ?? undefined`.
export async function waitForExit(child: ChildProcess, { signal }: { signal?: AbortSignal | null } = {}) {
  await once(child, 'exit', { signal: signal ?? undefined });
}
