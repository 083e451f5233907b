/**
 * End-to-end tests of the built CLI (`npm test` builds first) on throw-away directories: its
 * main() through `ctxmod()`, and the bin itself, a process, through `spawnCtxmod()`.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { JsonReport } from '../src/report/json.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/index.ts';
import { transforms } from '../src/registry.ts';
import { ctxmod, ROOT, spawnCtxmod, tempDir, TSCONFIG, writeProject, type BinResult } from './helpers.ts';

/** TSCONFIG with @types/node, from this package: the sleep's `node:timers/promises` resolves. */
const NODE_TSCONFIG = JSON.stringify({ ...JSON.parse(TSCONFIG), compilerOptions: { ...JSON.parse(TSCONFIG).compilerOptions, types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')] } });

const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

const SLEEP = 'export async function poll(signal: AbortSignal) {\n  await new Promise((r) => setTimeout(r, 100));\n}\n';
const SLEEP_OUT =
  "import { setTimeout as sleep } from 'node:timers/promises';\n\n" +
  'export async function poll(signal: AbortSignal) {\n  await sleep(100, undefined, { signal });\n}\n';
const PLAIN = 'export const answer = 42;\n';
const EDIT_MESSAGE = 'sleep now uses node:timers/promises setTimeout and stops on abort of signal';
/** A long time ago: any rewrite of the file moves its mtime to now. */
const OLD = new Date('2001-02-03T04:05:06Z');

/** Writes `files` (relative path -> content) under a new temp dir, with old mtimes. */
function project(files: Record<string, string>): string {
  const dir = writeProject(files);
  for (const path of Object.keys(files)) utimesSync(join(dir, path), OLD, OLD);
  return dir;
}

/** Every file under dir: relative path -> content and mtime. */
function snapshot(dir: string): Record<string, { content: string; mtimeMs: number }> {
  const out: Record<string, { content: string; mtimeMs: number }> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const rel = file.slice(dir.length + 1).split('\\').join('/');
    out[rel] = { content: readFileSync(file, 'utf8'), mtimeMs: statSync(file).mtimeMs };
  }
  return out;
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const mtime = (dir: string, path: string) => statSync(join(dir, path)).mtimeMs;

const parseJson = (result: BinResult) => JSON.parse(result.stdout) as JsonReport;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'bin.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
});

describe('informational commands', () => {
  it('list prints abortable-sleep with its description', () => {
    const result = spawnCtxmod(['list'], ROOT);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^abortable-sleep {2}Turn `new Promise\(r => setTimeout\(r, ms\)\)` sleeps into node:timers\/promises setTimeout/m);
    expect(result.stderr).toBe('');
  });

  it('list --json', () => {
    const result = spawnCtxmod(['list', '--json'], ROOT);
    expect(result.status).toBe(0);
    const list = JSON.parse(result.stdout) as { name: string; description: string }[];
    expect(list.map((t) => t.name)).toContain('abortable-sleep');
  });

  it('--help exits 0 and shows the commands', () => {
    const result = spawnCtxmod(['--help'], ROOT);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('ctxmod <command> [options]');
    expect(result.stdout).toContain('ctxmod migrate [paths..]');
    expect(result.stderr).toBe('');
  });

  it('--version prints the package.json version', () => {
    const result = spawnCtxmod(['--version'], ROOT);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${PKG.version}\n`);
  });

  it('--help shows examples and where the docs are', () => {
    const result = spawnCtxmod(['--help'], ROOT);
    expect(result.stdout).toMatch(/^Examples:\n {2}ctxmod migrate --dry src +Show the diff migrate would make to src, without/m);
    expect(result.stdout).toMatch(/migrate \[paths\.\.\] +Run every per-file transform in canonical order, then thread a signal\n +through call chains across files \(thread-signal\)/);
    expect(result.stdout).toMatch(/\nDocs: https:\/\/github\.com\/[\w.-]+\/[\w.-]+#readme\n$/);
  });

  it('a mistyped command suggests the closest one', () => {
    const result = spawnCtxmod(['migrat', '.'], ROOT);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('ctxmod: unknown command "migrat". Did you mean migrate?\nRun \'ctxmod --help\' for usage.\n');
    expect(result.stdout).toBe('');
  });

  it('completion prints a shell script, and the script gets the commands', () => {
    const script = spawnCtxmod(['completion'], ROOT);
    expect(script.status).toBe(0);
    expect(script.stdout).toMatch(/^###-begin-ctxmod-completions-###\n/);
    expect(script.stdout).toContain('--get-yargs-completions');
    const words = spawnCtxmod(['--get-yargs-completions', 'ctxmod', ''], ROOT);
    expect(words.status).toBe(0);
    expect(words.stdout).toBe('list\nrun\nmigrate\ncheck\ncompletion\n');
  });

  it('no command is a usage error', () => {
    const result = spawnCtxmod([], ROOT);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Name a command');
  });
});

describe('migrate --dry', () => {
  it('prints a unified diff on stdout and writes nothing', () => {
    const dir = project({ 'src/poll.ts': SLEEP, 'src/plain.ts': PLAIN });
    const before = snapshot(dir);
    // Through the bin itself (a process), like the informational commands above.
    const result = spawnCtxmod(['migrate', '.', '--dry'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      '--- a/src/poll.ts\n+++ b/src/poll.ts\n@@ -1,3 +1,5 @@\n' +
        "+import { setTimeout as sleep } from 'node:timers/promises';\n" +
        '+\n' +
        ' export async function poll(signal: AbortSignal) {\n' +
        '-  await new Promise((r) => setTimeout(r, 100));\n' +
        '+  await sleep(100, undefined, { signal });\n' +
        ' }\n',
    );
    // No tsconfig: the cross-file pass is skipped, and the run says so.
    expect(result.stderr).toMatch(
      /^ctxmod: warning: thread-signal skipped: no tsconfig\.json found at or above \. \(name one with --project, or leave the pass out with --no-thread\)\nctxmod: 2 files: 1 would change, 1 unchanged, 0 skipped, 0 errors; 1 edit, 0 to review \(\d+\.\ds\)\n$/,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('--quiet leaves only the diff; --color colors it; NO_COLOR/pipes get none by default', () => {
    const dir = project({ 'poll.ts': SLEEP });
    const quiet = ctxmod(['migrate', '.', '--dry', '--quiet'], dir);
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toMatch(/^--- a\/poll\.ts\n\+\+\+ b\/poll\.ts\n/);
    expect(quiet.stdout).not.toContain('\x1b[');
    const colored = ctxmod(['migrate', '.', '--dry', '--color'], dir);
    expect(colored.stdout).toContain('\x1b[32m+  await sleep(100, undefined, { signal });\x1b[39m');
    expect(read(dir, 'poll.ts')).toBe(SLEEP);
  });

  it('the diff applies with git apply -p1', () => {
    const dir = project({ 'src/poll.ts': SLEEP });
    const patch = ctxmod(['migrate', 'src', '--dry'], dir).stdout;
    const applied = spawnSync('git', ['apply', '-p1', '-'], { cwd: dir, input: patch, encoding: 'utf8' });
    if (applied.error) return; // no git on this machine
    expect(applied.status).toBe(0);
    expect(read(dir, 'src/poll.ts')).toBe(SLEEP_OUT);
  });

  it('--fail-on-change exits 1 when something would change, 0 otherwise', () => {
    const dir = project({ 'a.ts': SLEEP, 'b.ts': PLAIN });
    const before = snapshot(dir);
    expect(ctxmod(['migrate', '.', '--dry', '--fail-on-change'], dir).status).toBe(1);
    expect(ctxmod(['migrate', 'b.ts', '--dry', '--fail-on-change'], dir).status).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    // Once migrated, nothing would change any more.
    expect(ctxmod(['migrate', '.'], dir).status).toBe(0);
    expect(ctxmod(['migrate', '.', '--dry', '--fail-on-change'], dir).status).toBe(0);
  });
});

describe('migrate (writing)', () => {
  it('writes the change, leaves unchanged files alone, keeps the mode, and is idempotent', () => {
    const dir = project({ 'src/poll.ts': SLEEP, 'src/plain.ts': PLAIN, 'src/timer.ts': 'setTimeout(() => {}, 1);\n' });
    if (process.platform !== 'win32') chmodSync(join(dir, 'src/poll.ts'), 0o755);
    const plainMtime = mtime(dir, 'src/plain.ts');
    const timerMtime = mtime(dir, 'src/timer.ts');

    const first = ctxmod(['migrate', '.', '--no-thread'], dir);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('');
    // Temp dirs are not git repositories: ctxmod says so once, then writes.
    expect(first.stderr).toMatch(
      /^ctxmod: warning: not in a git repository: files will be changed with no easy way to review or revert them\nctxmod: 3 files: 1 changed, 2 unchanged, 0 skipped, 0 errors; 1 edit, 0 to review/,
    );
    expect(read(dir, 'src/poll.ts')).toBe(SLEEP_OUT);
    expect(mtime(dir, 'src/poll.ts')).not.toBe(OLD.getTime());
    if (process.platform !== 'win32') expect(statSync(join(dir, 'src/poll.ts')).mode & 0o777).toBe(0o755);
    expect(read(dir, 'src/plain.ts')).toBe(PLAIN);
    expect(mtime(dir, 'src/plain.ts')).toBe(plainMtime);
    // Passes the prefilter, parsed, nothing to do: still not rewritten.
    expect(mtime(dir, 'src/timer.ts')).toBe(timerMtime);
    // No temp files left behind by the atomic write.
    expect(Object.keys(snapshot(dir)).sort()).toEqual(['src/plain.ts', 'src/poll.ts', 'src/timer.ts']);

    const before = snapshot(dir);
    const second = ctxmod(['migrate', '.'], dir);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/\nctxmod: 3 files: 0 changed, 3 unchanged, 0 skipped, 0 errors; 0 edits, 0 to review/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('migrate with no path works on the current directory', () => {
    const dir = project({ 'poll.ts': SLEEP });
    expect(ctxmod(['migrate'], dir).status).toBe(0);
    expect(read(dir, 'poll.ts')).toBe(SLEEP_OUT);
  });

  it('run <transform> <path> is the same as migrate', () => {
    const dir = project({ 'poll.ts': SLEEP, 'other.ts': SLEEP });
    expect(spawnCtxmod(['run', 'abortable-sleep', 'poll.ts'], dir).status).toBe(0);
    expect(read(dir, 'poll.ts')).toBe(SLEEP_OUT);
    expect(read(dir, 'other.ts')).toBe(SLEEP);
  });

  it('--no-keep-error lets a race-timeout rewrite reject with the abort error', () => {
    const race = "export const get = async (url: string) => {\n  await Promise.race([fetch(url), new Promise((_, reject) => setTimeout(() => reject(new Error('slow')), 100))]);\n};\n";
    const kept = project({ 'get.ts': race });
    expect(ctxmod(['run', 'race-timeout', '.'], kept).status).toBe(0);
    expect(read(kept, 'get.ts')).toContain('throw timeoutSignal.aborted ? new Error');
    const dropped = project({ 'get.ts': race });
    expect(ctxmod(['run', 'race-timeout', '.', '--no-keep-error'], dropped).status).toBe(0);
    expect(read(dropped, 'get.ts')).toBe("export const get = async (url: string) => {\n  await fetch(url, { signal: AbortSignal.timeout(100) });\n};\n");
  });

  it('keeps a BOM and CRLF line endings', () => {
    const crlf = (text: string) => text.replaceAll('\n', '\r\n');
    const dir = project({ 'win.ts': `\uFEFF${crlf(SLEEP)}` });
    const result = ctxmod(['migrate', '.'], dir);
    expect(result.status).toBe(0);
    const out = read(dir, 'win.ts');
    expect(out).toBe(`\uFEFF${crlf(SLEEP_OUT)}`);
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out.split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
  });

  it('an unparseable file is reported with its position; the good files are still migrated', () => {
    const bad = 'export async function f() {\n  await new Promise((r) => setTimeout(r, 1));\n  const = ;\n}\n';
    const dir = project({ 'a.ts': SLEEP, 'bad.ts': bad, 'c.ts': SLEEP });
    const result = ctxmod(['migrate', '.'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^bad\.ts:3:9: error: Unexpected token/m);
    expect(result.stderr).toContain('3 files: 2 changed, 0 unchanged, 0 skipped, 1 error;');
    expect(read(dir, 'a.ts')).toBe(SLEEP_OUT);
    expect(read(dir, 'c.ts')).toBe(SLEEP_OUT);
    expect(read(dir, 'bad.ts')).toBe(bad);

    const json = parseJson(ctxmod(['migrate', '.', '--json'], dir));
    expect(json.files.find((file) => file.path === 'bad.ts')).toMatchObject({
      status: 'error',
      error: { message: expect.stringContaining('Unexpected token'), line: 3, column: 9 },
    });
  });
});

describe('suppression comments bind migrate and run', () => {
  const SUPPRESSED = SLEEP.replace('  await new Promise', '  // ctxmod-ignore-next-line sleep-without-signal -- must wait it out\n  await new Promise');

  it('a file whose only site is suppressed passes migrate --dry --fail-on-change, the site listed as suppressed', () => {
    const dir = project({ 'poll.ts': SUPPRESSED });
    const result = ctxmod(['migrate', '.', '--dry', '--fail-on-change', '--no-thread'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^poll\.ts:3:9: suppressed \[abortable-sleep\] sleep now uses node:timers\/promises setTimeout and stops on abort of signal\nctxmod: 1 file: 0 would change, 1 unchanged, 0 skipped, 0 errors; 0 edits, 0 to review, 1 suppressed \(/,
    );
    const json = JSON.parse(ctxmod(['run', 'abortable-sleep', '.', '--json'], dir).stdout);
    expect(json.files[0].manual).toEqual([
      { transform: 'abortable-sleep', line: 3, column: 9, message: 'sleep now uses node:timers/promises setTimeout and stops on abort of signal', suppressed: true },
    ]);
    expect(json.summary).toMatchObject({ changed: 0, edits: 0, manual: 0, suppressed: 1 });
    expect(read(dir, 'poll.ts')).toBe(SUPPRESSED);
  });

  it('the unsuppressed site next to it is migrated, and a second run changes nothing', () => {
    const dir = project({ 'poll.ts': SUPPRESSED.replace('\n}\n', '\n  await new Promise((r) => setTimeout(r, 100));\n}\n') });
    expect(ctxmod(['migrate', '.'], dir).status).toBe(0);
    expect(read(dir, 'poll.ts')).toBe(
      "import { setTimeout as sleep } from 'node:timers/promises';\n\n" +
        'export async function poll(signal: AbortSignal) {\n  // ctxmod-ignore-next-line sleep-without-signal -- must wait it out\n' +
        '  await new Promise((r) => setTimeout(r, 100));\n  await sleep(100, undefined, { signal });\n}\n',
    );
    expect(ctxmod(['migrate', '.', '--dry', '--fail-on-change'], dir).status).toBe(0);
  });
});

describe('--json', () => {
  it('has the documented shape, with a diff per changed file under --dry', () => {
    const dir = project({ 'src/poll.ts': SLEEP, 'src/plain.ts': PLAIN });
    const result = ctxmod(['migrate', '.', '--dry', '--json', '--no-thread'], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const report = parseJson(result);
    expect(Object.keys(report).sort()).toEqual(['files', 'interrupted', 'schemaVersion', 'summary', 'version', 'warnings']);
    expect(report.interrupted).toBe(false);
    expect(report.warnings).toEqual([]);
    expect(report.version).toBe(PKG.version);
    expect(report.files).toEqual([
      { path: 'src/plain.ts', status: 'unchanged', edits: [], manual: [] },
      {
        path: 'src/poll.ts',
        status: 'changed',
        edits: [
          {
            transform: 'abortable-sleep',
            line: 1,
            column: 1,
            message: "adds import { setTimeout as sleep } from 'node:timers/promises'",
            consequence: true,
          },
          { transform: 'abortable-sleep', line: 2, column: 9, message: EDIT_MESSAGE },
        ],
        manual: [],
        diff: expect.stringMatching(/^--- a\/src\/poll\.ts\n\+\+\+ b\/src\/poll\.ts\n@@ /),
      },
    ]);
    expect(Object.keys(report.summary).sort()).toEqual(
      ['changed', 'durationMs', 'edits', 'errors', 'files', 'manual', 'skipped', 'unchanged'].sort(),
    );
    expect(report.summary).toEqual({
      files: 2,
      changed: 1,
      unchanged: 1,
      skipped: 0,
      errors: 0,
      edits: 1,
      manual: 0,
      durationMs: expect.any(Number),
    });
    expect(read(dir, 'src/poll.ts')).toBe(SLEEP);
  });

  it('without --dry: files are written and there is no diff', () => {
    const dir = project({ 'poll.ts': SLEEP });
    const report = parseJson(ctxmod(['migrate', '.', '--json'], dir));
    expect(report.files).toEqual([
      {
        path: 'poll.ts',
        status: 'changed',
        edits: [expect.objectContaining({ line: 1, column: 1, consequence: true }), expect.objectContaining({ line: 2, column: 9 })],
        manual: [],
      },
    ]);
    expect(read(dir, 'poll.ts')).toBe(SLEEP_OUT);
  });
});

describe('--timings', () => {
  const PHASE_LINE = /^  (discover|read\+prefilter|prescan|parse|index|transforms|print|write|thread|verify) +\d+ ms$/;

  it('prints each phase and each transform\'s candidate and edited files to stderr, and the same under "timings" with --json', () => {
    const dir = project({ 'src/poll.ts': SLEEP, 'src/plain.ts': PLAIN });
    const result = ctxmod(['migrate', '.', '--dry', '--json', '--timings', '--no-thread'], dir);
    expect(result.status).toBe(0);
    const report = parseJson(result);
    const timings = report.timings as NonNullable<JsonReport['timings']>;
    expect(Object.keys(timings).sort()).toEqual(['phases', 'transforms']);
    // Only files some transform may apply to are parsed; nothing is written under --dry, and no thread pass ran.
    expect(Object.keys(timings.phases)).toEqual(expect.arrayContaining(['discover', 'read+prefilter', 'prescan', 'parse', 'transforms']));
    expect(Object.keys(timings.phases)).not.toContain('write');
    expect(Object.keys(timings.phases)).not.toContain('thread');
    for (const ms of Object.values(timings.phases)) expect(Number.isInteger(ms) && (ms as number) >= 0).toBe(true);
    // The per-file transforms' counts; the thread pass has a phase, not a prefilter.
    expect(Object.keys(timings.transforms)).toEqual(transforms.map((module) => module.meta.name));
    expect(timings.transforms['abortable-sleep']).toEqual({ candidates: 1, edited: 1 });
    expect(timings.transforms['race-timeout']).toEqual({ candidates: 0, edited: 0 });

    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('timings (per-file phases summed over files and threads):');
    const prefilter = lines.indexOf('prefilter (candidate files / files with an edit):');
    expect(lines.slice(1, prefilter).map((line) => PHASE_LINE.test(line))).toEqual(Object.keys(timings.phases).map(() => true));
    expect(lines.slice(prefilter + 1).map((line) => line.trim().split(/ +/))).toEqual(
      Object.entries(timings.transforms).map(([name, { candidates, edited }]) => [name, String(candidates), '/', String(edited)]),
    );
  });

  it('counts the write phase when files are written; without --timings there is no "timings" key and nothing on stderr', () => {
    const dir = project({ 'poll.ts': SLEEP });
    const timed = ctxmod(['migrate', '.', '--json', '--timings', '--no-thread', '--force'], dir);
    expect(Object.keys((parseJson(timed).timings as NonNullable<JsonReport['timings']>).phases)).toContain('write');
    expect(Object.keys((parseJson(timed).timings as NonNullable<JsonReport['timings']>).phases)).not.toContain('verify');
    // --verify's type check is a phase of its own.
    const verified = ctxmod(['migrate', 'src', '--dry', '--json', '--timings', '--no-thread', '--verify'], project({ 'src/poll.ts': SLEEP, 'tsconfig.json': NODE_TSCONFIG }));
    expect(parseJson(verified).summary).toMatchObject({ changed: 1, diagnostics: { before: 0, after: 0, files: 1 } });
    expect(Object.keys((parseJson(verified).timings as NonNullable<JsonReport['timings']>).phases)).toContain('verify');
    // Without @types/node the sleep's import is a new error: the one edit is left out, nothing is left to check.
    const rejected = ctxmod(['migrate', 'src', '--dry', '--no-thread', '--verify'], project({ 'src/poll.ts': SLEEP, 'tsconfig.json': TSCONFIG }));
    expect(rejected.stderr).toMatch(/; 1 edit, 1 to review; no edit left to type-check \(/);
    const plain = ctxmod(['migrate', '.', '--json', '--no-thread', '--force'], project({ 'poll.ts': SLEEP }));
    expect(plain.stderr).toBe('');
    expect(Object.keys(parseJson(plain))).not.toContain('timings');
  });
});

describe('usage errors exit 2 and write nothing', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown transform', ['run', 'nope', '.'], /^ctxmod: unknown transform: nope\. Valid transforms: forward-signal, abortable-sleep, race-timeout, link-signals, abort-timer, derive-signal, timeout-option, once-event, loop-check, thread-signal\n$/],
    ['missing path', ['migrate', 'does-not-exist'], /^ctxmod: path not found: does-not-exist\n$/],
    ['unknown flag', ['migrate', '.', '--bogus'], /^ctxmod: Unknown argument: bogus\n/],
    ['--cpus 0', ['migrate', '.', '--cpus', '0'], /^ctxmod: --cpus must be a positive integer, got 0\n$/],
    ['--cpus 1.5', ['migrate', '.', '--cpus', '1.5'], /--cpus must be a positive integer/],
    ['empty --extensions', ['migrate', '.', '--extensions', ','], /--extensions needs at least one extension/],
    ['bad --runtime', ['migrate', '.', '--runtime', 'deno'], /Invalid values/],
    ['bad --target-node', ['migrate', '.', '--target-node', 'latest'], /^ctxmod: --target-node must be a Node version or semver range, e\.g\. 18\.17 or ">=18", got latest\n$/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const dir = project({ 'poll.ts': SLEEP });
    const before = snapshot(dir);
    const result = ctxmod(args, dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('file discovery', () => {
  it('skips .gitignore-d files, node_modules and declaration files', () => {
    const dir = project({
      '.gitignore': 'generated/\n*.gen.ts\n',
      'src/poll.ts': SLEEP,
      'src/poll.gen.ts': SLEEP,
      'generated/poll.ts': SLEEP,
      'node_modules/dep/index.js': SLEEP.replace(/: AbortSignal/, ''),
      'src/node_modules/dep/index.ts': SLEEP,
      'types/poll.d.ts': SLEEP,
    });
    const before = snapshot(dir);
    const report = parseJson(ctxmod(['migrate', '.', '--json'], dir));
    expect(report.files.map((file) => file.path)).toEqual(['src/poll.ts']);
    const after = snapshot(dir);
    expect(after['src/poll.ts']?.content).toBe(SLEEP_OUT);
    delete before['src/poll.ts'];
    delete after['src/poll.ts'];
    expect(after).toEqual(before);
  });

  it('.gitignore applies to files named explicitly too', () => {
    const dir = project({ '.gitignore': '*.gen.ts\n', 'poll.gen.ts': SLEEP, 'types.d.ts': SLEEP });
    const report = parseJson(ctxmod(['migrate', 'poll.gen.ts', 'types.d.ts', '--json'], dir));
    expect(report.files).toEqual([]);
    expect(read(dir, 'poll.gen.ts')).toBe(SLEEP);
  });

  it('--ignore skips matching paths (repeatable)', () => {
    const dir = project({ 'src/poll.ts': SLEEP, 'legacy/poll.ts': SLEEP, 'vendor/poll.ts': SLEEP });
    const result = ctxmod(['migrate', '.', '--ignore', 'legacy/**', '--ignore', 'vendor/**', '--json'], dir);
    expect(result.status).toBe(0);
    expect(parseJson(result).files.map((file) => file.path)).toEqual(['src/poll.ts']);
    expect(read(dir, 'legacy/poll.ts')).toBe(SLEEP);
    expect(read(dir, 'vendor/poll.ts')).toBe(SLEEP);
    expect(read(dir, 'src/poll.ts')).toBe(SLEEP_OUT);
  });

  it('--extensions limits the files visited', () => {
    const js = 'export async function poll(signal) {\n  await new Promise((r) => setTimeout(r, 100));\n}\n';
    const dir = project({ 'a.ts': SLEEP, 'b.js': js, 'c.mjs': js, 'd.txt': js });
    const report = parseJson(ctxmod(['migrate', '.', '--extensions', '.js,mjs', '--json'], dir));
    expect(report.files.map((file) => [file.path, file.status])).toEqual([
      ['b.js', 'changed'],
      ['c.mjs', 'changed'],
    ]);
    expect(read(dir, 'a.ts')).toBe(SLEEP);
    expect(read(dir, 'd.txt')).toBe(js);
    expect(read(dir, 'b.js')).toContain("from 'node:timers/promises'");
  });

  it('a glob, file list or directory that yields no file is exit 2, naming each such path', () => {
    const dir = project({ 'src/a.ts': SLEEP, 'empty/.keep': '', 'docs/x.md': '# x\n' });
    const before = snapshot(dir);
    for (const command of ['migrate', 'check']) {
      const result = ctxmod([command, 'src', 'lib/**/*.ts', 'empty', 'docs'], dir);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('ctxmod: no files matching "lib/**/*.ts", "empty", "docs" (with the extensions visited)\n');
      expect(result.stdout).toBe('');
    }
    expect(snapshot(dir)).toEqual(before);
    // What matched is ignored, not missing: that is an empty run, not a usage error.
    expect(ctxmod(['migrate', 'src', '--ignore', 'src/**', '--json'], dir).status).toBe(0);
    // A file named twice matched both times.
    expect(ctxmod(['migrate', 'src/a.ts', 'src/a.ts', '--dry', '--json'], dir).status).toBe(0);
  });

  it('globs are expanded by ctxmod', () => {
    const dir = project({ 'src/a.ts': SLEEP, 'src/b.js': SLEEP.replace(/: AbortSignal/, ''), 'lib/c.ts': SLEEP });
    const report = parseJson(ctxmod(['migrate', 'src/*.ts', '--json', '--dry'], dir));
    expect(report.files.map((file) => file.path)).toEqual(['src/a.ts']);
  });
});

describe('test files', () => {
  const TESTS = {
    'src/poll.ts': SLEEP,
    'src/poll.test.ts': SLEEP,
    'src/poll.spec.mts': SLEEP,
    'src/__tests__/poll.ts': SLEEP,
    'test/poll.ts': SLEEP,
    'packages/a/tests/helpers/poll.ts': SLEEP,
    'src/contest/poll.ts': SLEEP,
    'src/latest.ts': SLEEP,
  };

  it('migrate leaves them alone by default, and the summary says how many it left out', () => {
    const dir = project(TESTS);
    const result = ctxmod(['migrate', '.'], dir);
    expect(result.status).toBe(0);
    // Segments and suffixes count, not substrings: contest/ and latest.ts are not tests.
    for (const path of ['src/poll.ts', 'src/contest/poll.ts', 'src/latest.ts']) expect(read(dir, path)).toBe(SLEEP_OUT);
    for (const path of ['src/poll.test.ts', 'src/poll.spec.mts', 'src/__tests__/poll.ts', 'test/poll.ts', 'packages/a/tests/helpers/poll.ts']) {
      expect(read(dir, path)).toBe(SLEEP);
    }
    expect(stripVTControlCharacters(result.stderr)).toMatch(/; 5 test files skipped; --include-tests to migrate them \(/);
    const report = parseJson(ctxmod(['run', 'abortable-sleep', '.', '--dry', '--json'], dir));
    expect(report.summary.testFilesSkipped).toBe(5);
    expect(report.files.map((file) => file.path)).toEqual(['src/contest/poll.ts', 'src/latest.ts', 'src/poll.ts']);
  });

  it('--include-tests and the includeTests config key migrate them; the flag beats the config', () => {
    const dir = project(TESTS);
    const flagged = parseJson(ctxmod(['migrate', '.', '--dry', '--json', '--include-tests'], dir));
    expect(flagged.files.filter((file) => file.status === 'changed')).toHaveLength(8);
    expect(flagged.summary.testFilesSkipped).toBeUndefined();
    writeProject({ 'ctxmod.config.json': JSON.stringify({ includeTests: true }) }, dir);
    const configured = parseJson(ctxmod(['migrate', '.', '--dry', '--json'], dir));
    expect(configured.files.filter((file) => file.status === 'changed')).toHaveLength(8);
    const overridden = parseJson(ctxmod(['migrate', '.', '--dry', '--json', '--no-include-tests'], dir));
    expect(overridden.summary.testFilesSkipped).toBe(5);
  });

  it('check leaves them out too, and says so', () => {
    const dir = project(TESTS);
    const result = ctxmod(['check', '.', '--no-thread', '--fail-on', 'error'], dir);
    expect(stripVTControlCharacters(result.stdout)).toMatch(/in 3 files checked; .*5 test files skipped \(--include-tests to check them\)/);
    const all = JSON.parse(ctxmod(['check', '.', '--no-thread', '--format', 'json', '--include-tests'], dir).stdout) as { summary: { files: number; testFilesSkipped?: number } };
    expect(all.summary.files).toBe(8);
    expect(all.summary.testFilesSkipped).toBeUndefined();
  });
});

describe('packages that also run outside Node', () => {
  it('get no node: import unless --runtime node', () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'app', type: 'module' }),
      'src/poll.ts': SLEEP,
      'packages/client/package.json': JSON.stringify({ name: 'client', browser: './dist/browser.js' }),
      'packages/client/src/poll.ts': SLEEP,
    });
    const result = ctxmod(['migrate', '.'], dir);
    expect(result.status).toBe(0);
    expect(read(dir, 'src/poll.ts')).toBe(SLEEP_OUT);
    expect(read(dir, 'packages/client/src/poll.ts')).toBe(SLEEP);
    expect(stripVTControlCharacters(result.stderr)).toContain(
      "packages/client/src/poll.ts:2:9: review [abortable-sleep] this file's package also runs outside Node",
    );
    expect(ctxmod(['migrate', '.', '--runtime', 'node'], dir).status).toBe(0);
    expect(read(dir, 'packages/client/src/poll.ts')).toBe(SLEEP_OUT);
  });

  // ofetch's manifest: a plain `exports` path, no browser field; only the description says it
  // runs in browsers and workers, and the source imports node:stream for a type alone.
  it('whose package.json says so and whose source uses nothing of Node get no node: import', () => {
    const once =
      "import type { EventEmitter } from 'node:events';\n\nexport function next(port: EventEmitter, signal: AbortSignal) {\n  return new Promise((resolve, reject) => {\n    port.once('message', resolve);\n    port.once('error', reject);\n  });\n}\n";
    const claim = (extra: object) => JSON.stringify({ description: 'A better fetch API. Works on node, browser and workers.', exports: './dist/index.mjs', ...extra });
    const dir = project({
      'package.json': JSON.stringify({ name: 'app', private: true }),
      'packages/fetcher/package.json': claim({ name: 'fetcher' }),
      'packages/fetcher/src/poll.ts': SLEEP,
      'packages/fetcher/src/next.ts': once,
      'packages/fetcher/test/server.test.ts': "import { createServer } from 'node:http';\n",
      'packages/edge/package.json': JSON.stringify({ name: 'edge', keywords: ['fetch', 'deno', 'edge'] }),
      'packages/edge/src/poll.ts': SLEEP,
      // A Node CLI with no built-in import: its bin says it runs on Node.
      'packages/cli/package.json': claim({ name: 'cli', bin: './dist/cli.js' }),
      'packages/cli/src/poll.ts': SLEEP,
      // A package whose source reads files: it runs on Node, whatever its description says.
      'packages/files/package.json': claim({ name: 'files' }),
      'packages/files/src/poll.ts': SLEEP,
      'packages/files/src/read.ts': "import { readFile } from 'node:fs/promises';\nexport const read = (path: string) => readFile(path, 'utf8');\n",
      // No claim: a package that uses nothing of Node is Node code, as before.
      'packages/plain/package.json': JSON.stringify({ name: 'plain', description: 'Polls a queue.' }),
      'packages/plain/src/poll.ts': SLEEP,
    });
    const result = ctxmod(['migrate', '.', '--no-thread'], dir);
    expect(result.status).toBe(0);
    expect(read(dir, 'packages/fetcher/src/poll.ts')).toBe(SLEEP);
    expect(read(dir, 'packages/fetcher/src/next.ts')).toBe(once);
    expect(read(dir, 'packages/edge/src/poll.ts')).toBe(SLEEP);
    expect(read(dir, 'packages/cli/src/poll.ts')).toBe(SLEEP_OUT);
    expect(read(dir, 'packages/files/src/poll.ts')).toBe(SLEEP_OUT);
    expect(read(dir, 'packages/plain/src/poll.ts')).toBe(SLEEP_OUT);
    const stderr = stripVTControlCharacters(result.stderr);
    expect(stderr).toContain(
      "packages/fetcher/src/poll.ts:2:9: review [abortable-sleep] this file's package also runs outside Node (its package.json's description names browser, workers, and its own source uses nothing of Node): a node:timers/promises import would break those builds; rerun with --runtime node to rewrite it anyway",
    );
    expect(stderr).toContain(
      "packages/fetcher/src/next.ts:4:10: review [once-event] this file's package also runs outside Node (its package.json's description names browser, workers, and its own source uses nothing of Node): a node:events import would break those builds; rerun with --runtime node to rewrite it anyway",
    );
    expect(stderr).toContain("packages/edge/src/poll.ts:2:9: review [abortable-sleep] this file's package also runs outside Node (its package.json's keywords name deno, edge, and its own source uses nothing of Node)");
    expect(ctxmod(['migrate', 'packages/fetcher', '--no-thread', '--runtime', 'node'], dir).status).toBe(0);
    expect(read(dir, 'packages/fetcher/src/poll.ts')).toBe(SLEEP_OUT);
  });
});

describe('worker threads', () => {
  it('--cpus 2 on 80 candidate files gives the same results as --cpus 1', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 80; i++) {
      const name = `src/m${String(i).padStart(2, '0')}.ts`;
      files[name] =
        i % 10 === 9
          ? `export async function f${i}() {\n  await new Promise((r) => setTimeout(r, ${i}));\n  const = ;\n}\n`
          : `export async function poll${i}(signal: AbortSignal) {\n  await new Promise((r) => setTimeout(r, ${i}));\n}\n`;
    }
    const one = project(files);
    const two = tempDir();
    cpSync(one, two, { recursive: true });

    const a = ctxmod(['migrate', '.', '--json', '--cpus', '1'], one);
    const b = ctxmod(['migrate', '.', '--json', '--cpus', '2'], two);
    expect(a.status).toBe(1);
    expect(b.status).toBe(1);
    const strip = (report: JsonReport) => ({ ...report, summary: { ...report.summary, durationMs: 0 } });
    expect(strip(parseJson(b))).toEqual(strip(parseJson(a)));
    expect(parseJson(a).summary).toMatchObject({ files: 80, changed: 72, errors: 8 });

    const contents = (dir: string) => Object.fromEntries(Object.entries(snapshot(dir)).map(([path, { content }]) => [path, content]));
    expect(contents(two)).toEqual(contents(one));
    expect(contents(one)['src/m00.ts']).toBe(SLEEP_OUT.replace('poll(', 'poll0(').replace('sleep(100', 'sleep(0'));
  });
});

describe('programmatic API', () => {
  it('migrate({ paths, dry, cwd }) returns the report the CLI prints', async () => {
    const dir = project({ 'src/poll.ts': SLEEP, 'src/plain.ts': PLAIN });
    const before = snapshot(dir);
    const report = await migrate({ paths: [dir], dry: true, cwd: dir });
    expect(report.version).toBe(PKG.version);
    expect(report.summary).toMatchObject({ files: 2, changed: 1, unchanged: 1, skipped: 0, errors: 0, edits: 1, manual: 0 });
    expect(report.files.map((file) => [file.path, file.status])).toEqual([
      ['src/plain.ts', 'unchanged'],
      ['src/poll.ts', 'changed'],
    ]);
    const cli = parseJson(ctxmod(['migrate', '.', '--dry', '--json'], dir));
    expect({ ...report.summary, durationMs: 0 }).toEqual({ ...cli.summary, durationMs: 0 });
    expect(report.files.find((file) => file.path === 'src/poll.ts')?.diff).toBe(cli.files[1]?.diff);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('jscodeshift compatibility', () => {
  it('jscodeshift -t transforms/abortable-sleep.ts rewrites a file as ctxmod does', () => {
    const dir = project({ 'viaJscodeshift.ts': SLEEP, 'viaCtxmod.ts': SLEEP });
    const jscodeshift = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'jscodeshift.cmd' : 'jscodeshift');
    const result = spawnSync(
      jscodeshift,
      ['-t', join(ROOT, 'transforms', 'abortable-sleep.ts'), '--parser=tsx', join(dir, 'viaJscodeshift.ts')],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        shell: process.platform === 'win32',
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      },
    );
    expect(result.status).toBe(0);
    // jscodeshift exits 0 even when the transform fails to load; its summary tells.
    // CI environments may force colours whatever the flags say, so strip them.
    const summary = stripVTControlCharacters(result.stdout);
    expect(summary).toMatch(/^0 errors$/m);
    expect(summary).toMatch(/^1 ok$/m);
    expect(ctxmod(['migrate', 'viaCtxmod.ts'], dir).status).toBe(0);
    expect(read(dir, 'viaJscodeshift.ts')).toBe(SLEEP_OUT);
    expect(read(dir, 'viaJscodeshift.ts')).toBe(read(dir, 'viaCtxmod.ts'));
  });
});
