/**
 * Runs the built CLI's main() for `ctxmod()` in test/helpers.ts, in a worker thread that the test
 * file keeps: the CLI's modules (ts-morph among them) and the lib files are loaded once per test
 * file instead of once per run. Each request gets its own stdout, stderr, stdin, cwd and env, and
 * an emitter for signals (so that no run listens on the process); the answer is what a spawned
 * `bin/ctxmod.js` gives: exit code, stdout, stderr (an error main() throws is reported as
 * bin/ctxmod.js reports it, exit code 1).
 */
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import './shared-declaration-files.mjs';

const { main } = await import(workerData.main);

parentPort.on('message', async ({ args, cwd, input, env, port, lock }) => {
  let stdout = '';
  let stderr = '';
  let status;
  try {
    status = await main(args, {
      stdout: { write: (text) => ((stdout += text), true) },
      stderr: { write: (text) => ((stderr += text), true) },
      stdin: Readable.from(input === '' ? [] : [input]),
      signals: new EventEmitter(),
      cwd,
      env,
    });
  } catch (error) {
    stderr += `ctxmod: internal error (please report): ${error instanceof Error ? error.stack : String(error)}\n`;
    status = 1;
  }
  port.postMessage({ status, stdout, stderr });
  port.close();
  Atomics.store(lock, 0, 1);
  Atomics.notify(lock, 0);
});
