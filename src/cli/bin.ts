import { main } from './main.ts';

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ctxmod: internal error (please report): ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
