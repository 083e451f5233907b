import { exec, execFile, fork, spawn } from 'node:child_process';

export function run(signal: AbortSignal) {
  spawn('ls', { signal });
  spawn('ls', ['-la'], { signal });
  spawn('ls', ['-la'], { cwd: '/tmp', signal });
  exec('ls', { signal }, (error, stdout) => console.log(error, stdout));
  execFile('ls', ['-la'], { signal }, (error, stdout) => console.log(error, stdout));
  fork('./worker.js', { signal });
}
