import { exec, execFile, spawn } from 'node:child_process';

// exec takes no argument list, so its second argument is always the options; for spawn and
// execFile the argument after the argument list is.
export function run(cmd, args, opts, signal) {
  exec(cmd, { ...opts, signal: opts?.signal ?? signal });
  exec(cmd, { ...opts, signal: opts?.signal ?? signal }, (error, stdout) => console.log(stdout));
  spawn(cmd, args, { ...opts, signal: opts?.signal ?? signal });
  execFile(cmd, args, { ...opts, signal: opts?.signal ?? signal }, (error) => console.error(error));
}
