import { spawn } from 'node:child_process';

// The signal is spread in when there is one: nothing to report.
export function run(command: string, signal?: AbortSignal | null) {
  return spawn(command, [], { ...(signal ? { signal } : {}) });
}

// A conditional spread of other options: the signal is still left out.
export function runQuietly(command: string, quiet: boolean, signal?: AbortSignal) {
  return spawn(command, [], { ...(quiet ? { stdio: 'ignore' as const } : {}) });
}
