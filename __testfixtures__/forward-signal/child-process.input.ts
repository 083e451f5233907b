import { exec, execFile, fork, spawn } from 'node:child_process';

export function run(signal: AbortSignal) {
  spawn('ls');
  spawn('ls', ['-la']);
  spawn('ls', ['-la'], { cwd: '/tmp' });
  exec('ls', (error, stdout) => console.log(error, stdout));
  execFile('ls', ['-la'], (error, stdout) => console.log(error, stdout));
  fork('./worker.js');
}
