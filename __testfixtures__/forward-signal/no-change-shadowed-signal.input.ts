import { spawn } from 'node:child_process';

export function kill(pid: number, signal: AbortSignal) {
  return ['SIGTERM', 'SIGKILL'].map((signal: string) => spawn('kill', [`-${signal}`, String(pid)]));
}
