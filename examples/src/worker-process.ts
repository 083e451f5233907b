import { spawn } from 'node:child_process';

/**
 * Runs a report in a child process. The wait for its exit cannot be cancelled: a request that
 * goes away leaves the handler waiting, and the listener that did not fire stays attached.
 */
export async function runReport(name: string, signal: AbortSignal): Promise<number | null> {
  const child = spawn('node', ['reports.js', name]);
  await new Promise((resolve, reject) => {
    child.once('exit', resolve);
    child.once('error', reject);
  });
  return child.exitCode;
}
