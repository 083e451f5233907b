import { spawn } from 'node:child_process';

/** A sandboxed write: the child writes what it reads on stdin. Killed on abort, the file is cut short. */
export function writeTextFile(program: string, path: string, content: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, ['--write', path]);
    child.stdin.write(content);
    child.stdin.end();
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
  });
}
