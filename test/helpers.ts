/** What the end-to-end tests share: running the built bin, throw-away project directories, a project for the thread-signal pass. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { afterAll, afterEach } from 'vitest';

export const ROOT = join(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'ctxmod.js');

/**
 * A project where the thread-signal pass has one change set over two files: a handler with a
 * Request's signal calls a client that fetches. `TSCONFIG` includes `src/`.
 */
export const TSCONFIG = JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, lib: ['ES2023', 'DOM'], types: [] },
  include: ['src'],
});
export const CLIENT = 'export async function getUser(id: string) {\n  return fetch(`/users/${id}`);\n}\n';
export const HANDLER = "import { getUser } from './client';\n\nexport async function handle(request: Request) {\n  return getUser(request.url);\n}\n";
export const CLIENT_THREADED = 'export async function getUser(id: string, signal?: AbortSignal) {\n  return fetch(`/users/${id}`, { signal });\n}\n';
export const HANDLER_THREADED = "import { getUser } from './client';\n\nexport async function handle(request: Request) {\n  return getUser(request.url, request.signal);\n}\n";

export interface BinResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a CLI run: no colors unless asked for. */
const { FORCE_COLOR: _forced, ...CLI_ENV }: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
/** What a run may take before it counts as hung: vitest.config.ts's testTimeout. */
const TIMEOUT_MS = 180_000;

/**
 * Runs `ctxmod ...args` in `cwd` with `input` on stdin (default: none, so stdin is at its end at
 * once), through the built CLI's main() (dist/ must be built: `npm test` does it first) in a
 * worker thread this test file keeps (see cli-worker.mjs): what `node bin/ctxmod.js` prints and
 * exits with, without starting Node and loading the CLI again for each run. `spawnCtxmod` runs
 * the bin itself, for what only a process shows (signals, a terminal, the bin's own code).
 */
export function ctxmod(args: readonly string[], cwd: string, input = '', wrapper: readonly string[] = []): BinResult {
  if (wrapper.length > 0) return spawnCtxmod(args, cwd, input, wrapper);
  worker ??= startWorker();
  const lock = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ args: [...args], cwd, input, env: CLI_ENV, port: port2, lock }, [port2]);
  const waited = Atomics.wait(lock, 0, 0, TIMEOUT_MS);
  const answer = receiveMessageOnPort(port1);
  port1.close();
  if (waited === 'timed-out' || answer === undefined) {
    void worker.terminate();
    worker = undefined;
    throw new Error(`ctxmod ${args.join(' ')}: no answer from the CLI worker within ${TIMEOUT_MS} ms`);
  }
  return answer.message as BinResult;
}

let worker: Worker | undefined;
afterAll(async () => {
  await worker?.terminate();
  worker = undefined;
});

function startWorker(): Worker {
  const started = new Worker(new URL('./cli-worker.mjs', import.meta.url), {
    env: CLI_ENV,
    workerData: { main: pathToFileURL(join(ROOT, 'dist', 'src', 'cli', 'main.js')).href },
  });
  // The test file's process ends when its tests do.
  started.unref();
  return started;
}

/**
 * Runs `node bin/ctxmod.js ...args` in `cwd` (dist/ must be built: `npm test` does it first),
 * with `input` on stdin (default: none, so stdin is at its end at once).
 */
export function spawnCtxmod(args: readonly string[], cwd: string, input = '', wrapper: readonly string[] = []): BinResult {
  // `wrapper`: a command that runs node in its turn (`setpriv ...`), with its own arguments.
  const [command, ...argv] = [...wrapper, process.execPath, BIN, ...args] as [string, ...string[]];
  const result = spawnSync(command, argv, {
    cwd,
    input,
    encoding: 'utf8',
    env: CLI_ENV,
    timeout: TIMEOUT_MS,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    // Tests make files read-only; make them removable again.
    spawnSync('chmod', ['-R', 'u+w', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A new temp directory, removed after the test. */
export function tempDir(prefix = 'ctxmod-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Writes `files` (relative path -> text) under a new temp directory. */
export function writeProject(files: Record<string, string>, dir = tempDir()): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** `git` in `dir` with a throw-away identity. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
}

/** `files` committed in a new git repository (a temp directory), so that ctxmod may write them. */
export function writeRepo(files: Record<string, string>, prefix = 'ctxmod-repo-'): string {
  const dir = writeProject(files, tempDir(prefix));
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'init');
  return dir;
}
