import { spawn } from 'node:child_process';

// A sandboxed write: the child takes the content on its stdin and writes the file. Killed on
// abort, it would leave the file cut short.
export function writeTextFile(program: string, path: string, content: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, ['--write', path]);
    child.stdin.write(content);
    child.stdin.end();
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
  });
}

// A tool run by a child that reads its input and answers on stdout: work to stop on abort.
export function runTool(program: string, input: object, signal: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(program, []);
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stdin.write(JSON.stringify(input));
    child.stdin.end();
    child.on('close', () => resolve(out));
  });
}
