/**
 * What a migration must never do to the user's files, against the real bin: write outside the
 * paths given, write over uncommitted work in any repository, lose a concurrent edit, replace
 * bytes it cannot read, rewrite lines it did not edit, split hard links, hang or fail silently on
 * odd inputs. `npm test` builds dist/ first (pretest).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../src/report/json.ts';
import { getTempPath, HARD_LINK_REASON, NOT_UTF8_MESSAGE } from '../src/engine/process-file.ts';
import { NOT_REGULAR_REASON, OUTSIDE_TARGET_REASON } from '../src/engine/discover.ts';
import { TOO_DEEP_MESSAGE } from '../src/engine/process-source.ts';
import { BIN, ctxmod, spawnCtxmod, tempDir, writeProject, type BinResult } from './helpers.ts';

const SAMPLE =
  'export async function load(url: string, signal?: AbortSignal) {\n' +
  '  const res = await fetch(url);\n' +
  '  await new Promise((r) => setTimeout(r, 100));\n' +
  '  return res.json();\n' +
  '}\n';
const SAMPLE_OUT =
  "import { setTimeout as sleep } from 'node:timers/promises';\n\n" +
  'export async function load(url: string, signal?: AbortSignal) {\n' +
  '  const res = await fetch(url, { signal });\n' +
  '  await sleep(100, undefined, { signal });\n' +
  '  return res.json();\n' +
  '}\n';

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const parseJson = (result: BinResult) => JSON.parse(result.stdout) as JsonReport;
const statuses = (report: JsonReport) => Object.fromEntries(report.files.map((file) => [file.path, file.status]));

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'protocol.file.allow=always', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
}

/** A repository with `files` committed. */
function repo(files: Record<string, string>, dir = tempDir('ctxmod-safety-')): string {
  writeProject(files, dir);
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'init');
  return dir;
}

describe('symbolic links', () => {
  it('a link to a file or directory outside the paths given is not followed and nothing outside is written', () => {
    const dir = writeProject({ 'target/a.ts': SAMPLE, 'outside/x.ts': SAMPLE, 'outdir/y.ts': SAMPLE });
    symlinkSync('../outside/x.ts', join(dir, 'target/link.ts'));
    symlinkSync('../outdir', join(dir, 'target/linkdir'));

    const result = ctxmod(['migrate', 'target', '--json'], dir);
    expect(result.status).toBe(0);
    const report = parseJson(result);
    expect(statuses(report)).toEqual({ 'target/a.ts': 'changed', 'target/link.ts': 'skipped' });
    expect(report.files.find((file) => file.path === 'target/link.ts')?.reason).toBe(OUTSIDE_TARGET_REASON);
    expect(read(dir, 'target/a.ts')).toBe(SAMPLE_OUT);
    expect(read(dir, 'outside/x.ts')).toBe(SAMPLE);
    expect(read(dir, 'outdir/y.ts')).toBe(SAMPLE);
    expect(lstatSync(join(dir, 'target/link.ts')).isSymbolicLink()).toBe(true);
  });

  it('loops end, a file is visited once by its real path, and a sibling of the target is left alone', () => {
    const dir = writeProject({ 'target/a.ts': SAMPLE, 'target/sub/b.ts': SAMPLE, 'sibling.ts': SAMPLE });
    symlinkSync('..', join(dir, 'target/loop'));
    symlinkSync('.', join(dir, 'target/sub/self'));
    symlinkSync('a.ts', join(dir, 'target/alias.ts'));

    const result = ctxmod(['migrate', 'target', '--json'], dir);
    expect(result.status).toBe(0);
    const report = parseJson(result);
    expect(report.files.map((file) => file.path)).toEqual(['target/a.ts', 'target/sub/b.ts']);
    expect(report.summary.edits).toBe(4);
    expect(read(dir, 'sibling.ts')).toBe(SAMPLE);
    // The link inside the target still is one, to the file that was written.
    expect(lstatSync(join(dir, 'target/alias.ts')).isSymbolicLink()).toBe(true);
    expect(read(dir, 'target/alias.ts')).toBe(SAMPLE_OUT);
  });

  it('--follow-symlinks opts in: linked files and directories are written at their real path, loops still end', () => {
    const dir = writeProject({ 'target/a.ts': SAMPLE, 'outside/x.ts': SAMPLE, 'outdir/y.ts': SAMPLE });
    symlinkSync('../outside/x.ts', join(dir, 'target/link.ts'));
    symlinkSync('../outdir', join(dir, 'target/linkdir'));
    symlinkSync('..', join(dir, 'target/outdir-loop'));
    symlinkSync('.', join(dir, 'outdir/self'));

    const result = ctxmod(['migrate', 'target', '--follow-symlinks', '--json'], dir);
    expect(result.status).toBe(0);
    expect(statuses(parseJson(result))).toEqual({ 'outdir/y.ts': 'changed', 'outside/x.ts': 'changed', 'target/a.ts': 'changed' });
    expect(read(dir, 'outside/x.ts')).toBe(SAMPLE_OUT);
    expect(read(dir, 'outdir/y.ts')).toBe(SAMPLE_OUT);
    expect(lstatSync(join(dir, 'target/link.ts')).isSymbolicLink()).toBe(true);
  });
});

describe('paths after --', () => {
  it('migrate -- a.ts writes a.ts only; -- a.ts --dry takes --dry as a path and writes nothing', () => {
    const dir = writeProject({ 'a.ts': SAMPLE, 'b.ts': SAMPLE, '-odd.ts': SAMPLE });
    const dashed = ctxmod(['migrate', '--', 'a.ts', '--dry'], dir);
    expect(dashed.status).toBe(2);
    expect(dashed.stderr).toBe('ctxmod: path not found: --dry\n');
    expect(read(dir, 'a.ts')).toBe(SAMPLE);

    expect(ctxmod(['migrate', '--', 'a.ts', '-odd.ts'], dir).status).toBe(0);
    expect(read(dir, 'a.ts')).toBe(SAMPLE_OUT);
    expect(read(dir, '-odd.ts')).toBe(SAMPLE_OUT);
    expect(read(dir, 'b.ts')).toBe(SAMPLE);
  });

  it('run and check take the paths after -- too', () => {
    const dir = writeProject({ 'a.ts': SAMPLE, 'b.ts': SAMPLE });
    const checked = ctxmod(['check', '--format', 'json', '--', 'b.ts'], dir);
    expect((JSON.parse(checked.stdout) as { files: { path: string }[] }).files.map((file) => file.path)).toEqual(['b.ts']);
    expect(ctxmod(['run', 'abortable-sleep', '--', 'b.ts'], dir).status).toBe(0);
    expect(read(dir, 'b.ts')).toContain('await sleep(100, undefined, { signal });');
    expect(read(dir, 'a.ts')).toBe(SAMPLE);
  });
});

describe('git guard: the repository of each file', () => {
  const refusal = (files: string[]) =>
    `ctxmod: refusing to write: ${files.length} file${files.length === 1 ? ' has' : 's have'} uncommitted changes:\n` +
    files.map((file) => `  ${file}\n`).join('') +
    'Commit or stash them so the migration can be reviewed and reverted on its own, or pass --force.\n';

  it('run from outside the repository, it still refuses to write over uncommitted changes', () => {
    const dir = repo({ 'a.ts': SAMPLE });
    writeFileSync(join(dir, 'a.ts'), `${SAMPLE}// mine\n`);
    const elsewhere = tempDir();
    const result = ctxmod(['migrate', dir], elsewhere);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(refusal([join(dir, 'a.ts')]));
    expect(read(dir, 'a.ts')).toBe(`${SAMPLE}// mine\n`);
  });

  it('a nested repository with uncommitted changes inside a clean one is refused', () => {
    const outer = repo({ 'top.ts': SAMPLE });
    const inner = repo({ 'a.ts': SAMPLE }, join(outer, 'inner'));
    writeFileSync(join(inner, 'a.ts'), `${SAMPLE}// mine\n`);
    const result = ctxmod(['migrate', 'inner'], outer);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(refusal(['inner/a.ts']));
    expect(read(inner, 'a.ts')).toBe(`${SAMPLE}// mine\n`);
  });

  it('a submodule with uncommitted changes is refused', () => {
    const upstream = repo({ 'a.ts': SAMPLE });
    const outer = repo({ 'top.ts': SAMPLE });
    git(outer, 'submodule', 'add', '-q', upstream, 'sub');
    git(outer, 'commit', '-qm', 'add sub');
    writeFileSync(join(outer, 'sub/a.ts'), `${SAMPLE}// mine\n`);
    const result = ctxmod(['migrate', 'sub', 'top.ts'], outer);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(refusal(['sub/a.ts']));
    expect(read(outer, 'sub/a.ts')).toBe(`${SAMPLE}// mine\n`);
    expect(read(outer, 'top.ts')).toBe(SAMPLE);
  });

  it('paths in several repositories: each is asked about its own files', () => {
    const clean = repo({ 'a.ts': SAMPLE });
    const dirty = repo({ 'b.ts': SAMPLE });
    writeFileSync(join(dirty, 'b.ts'), `${SAMPLE}// mine\n`);
    const elsewhere = tempDir();
    const refused = ctxmod(['migrate', clean, dirty], elsewhere);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(refusal([join(dirty, 'b.ts')]));
    expect(read(clean, 'a.ts')).toBe(SAMPLE);

    git(dirty, 'commit', '-qam', 'mine');
    // No tsconfig here: --no-thread keeps the thread pass's warning out of what is checked below.
    const written = ctxmod(['migrate', clean, dirty, '--no-thread'], elsewhere);
    expect(written.status).toBe(0);
    expect(written.stderr).not.toContain('warning');
    expect(read(clean, 'a.ts')).toBe(SAMPLE_OUT);
  });
});

describe('file contents', () => {
  it('a file that is not UTF-8 is an error and its bytes are kept', () => {
    const dir = writeProject({ 'ok.ts': SAMPLE });
    const latin = Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(`\n${SAMPLE}`)]);
    writeFileSync(join(dir, 'latin.ts'), latin);
    const result = ctxmod(['migrate', '.'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`latin.ts: error: ${NOT_UTF8_MESSAGE}\n`);
    expect(readFileSync(join(dir, 'latin.ts')).equals(latin)).toBe(true);
    expect(read(dir, 'ok.ts')).toBe(SAMPLE_OUT);
  });

  it('mixed line endings: kept lines keep theirs, replaced lines take the one they replace, new lines the majority', () => {
    const input =
      'export async function load(url: string, signal?: AbortSignal) {\r\n' +
      '  const res = await fetch(url);\n' +
      '  await new Promise((r) => setTimeout(r, 100));\r\n' +
      '  return res.json();\r\n' +
      '}\n';
    const dir = writeProject({ 'mixed.ts': input });
    expect(ctxmod(['migrate', '.'], dir).status).toBe(0);
    expect(read(dir, 'mixed.ts')).toBe(
      "import { setTimeout as sleep } from 'node:timers/promises';\r\n\r\n" +
        'export async function load(url: string, signal?: AbortSignal) {\r\n' +
        '  const res = await fetch(url, { signal });\n' +
        '  await sleep(100, undefined, { signal });\r\n' +
        '  return res.json();\r\n' +
        '}\n',
    );
  });

  it('a file with another hard link is skipped with the reason, both names keep one content', () => {
    const dir = writeProject({ 'a.ts': SAMPLE, 'ok.ts': SAMPLE });
    linkSync(join(dir, 'a.ts'), join(dir, 'b.ts'));
    const result = ctxmod(['migrate', 'a.ts', 'ok.ts', '--json'], dir);
    expect(result.status).toBe(0);
    const report = parseJson(result);
    expect(report.files.find((file) => file.path === 'a.ts')).toMatchObject({ status: 'skipped', reason: HARD_LINK_REASON });
    expect(read(dir, 'a.ts')).toBe(SAMPLE);
    expect(statSync(join(dir, 'a.ts')).ino).toBe(statSync(join(dir, 'b.ts')).ino);
    expect(read(dir, 'ok.ts')).toBe(SAMPLE_OUT);
  });
});

describe('odd inputs', () => {
  // Root reads any directory whatever its mode: under root the bin runs without the capabilities
  // that override file permissions (setpriv, util-linux), so that chmod 000 denies reading. (Not
  // as another user: that one could not read a checkout in a directory only root may enter.)
  const asRoot = process.getuid?.() === 0;
  const DROP_DAC = ['--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-dac_override,-dac_read_search'];
  const runAs = (args: string[], cwd: string): BinResult => ctxmod(args, cwd, '', asRoot ? ['setpriv', ...DROP_DAC] : []);

  it.skipIf(process.platform === 'win32')('an unreadable directory is reported with EACCES, exit 1, by migrate and check', () => {
    const dir = writeProject({ 'ok.ts': SAMPLE, 'locked/x.ts': SAMPLE });
    chmodSync(join(dir, 'locked'), 0o000);

    const checked = runAs(['check', '.', '--no-thread'], dir);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toMatch(/^locked:1:1 {2}error {4}cannot read directory: EACCES: permission denied, scandir '.*\/locked'/m);

    const migrated = runAs(['migrate', '.'], dir);
    expect(migrated.status).toBe(1);
    expect(migrated.stderr).toMatch(/^locked: error: cannot read directory: EACCES: permission denied, scandir '.*\/locked'$/m);
    expect(read(dir, 'ok.ts')).toBe(SAMPLE_OUT);
  });

  it.skipIf(process.platform === 'win32')('a FIFO named on the command line is skipped with the reason, and the run does not hang', () => {
    const dir = writeProject({ 'a.ts': SAMPLE });
    execFileSync('mkfifo', [join(dir, 'pipe.ts')]);
    // A run blocked reading the FIFO does not stop on SIGTERM (it waits for the read): kill it.
    const spawned = spawnSync(process.execPath, [BIN, 'migrate', 'pipe.ts', 'a.ts'], { cwd: dir, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL' });
    const result = { status: spawned.status, stderr: spawned.stderr };
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`pipe.ts: skipped: ${NOT_REGULAR_REASON} (a named pipe)\n`);
    expect(read(dir, 'a.ts')).toBe(SAMPLE_OUT);
  });

  describe('deep nesting', () => {
    const HEAD = 'export async function load(url: string, signal?: AbortSignal) {\n  await new Promise((r) => setTimeout(r, 100));\n';
    const deep = {
      'parens.ts': `${HEAD}  return ${'('.repeat(300)}1${')'.repeat(300)};\n}\n`,
      'chain.ts': `${HEAD}  return fetch(url)${'.then((x) => x)'.repeat(2000)};\n}\n`,
    };
    const isHandled = (file: JsonReport['files'][number] | undefined) =>
      file?.status === 'changed' || (file?.status === 'error' && file.error?.message === TOO_DEEP_MESSAGE);

    it('in this thread (--cpus 1): each file is migrated or a clear per-file error, never an internal error', () => {
      const dir = writeProject(deep);
      // A process: the stack of its main thread is the one that counts.
      const result = spawnCtxmod(['migrate', '.', '--dry', '--cpus', '1', '--json'], dir);
      expect(result.stdout).not.toContain('internal error');
      const report = parseJson(result);
      expect(isHandled(report.files.find((file) => file.path === 'parens.ts'))).toBe(true);
      expect(isHandled(report.files.find((file) => file.path === 'chain.ts'))).toBe(true);
    });

    it('in worker threads, whose stack is larger: both files are migrated', () => {
      const fillers = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${i}.ts`, SAMPLE]));
      const dir = writeProject({ ...deep, ...fillers });
      const result = spawnCtxmod(['migrate', '.', '--dry', '--cpus', '2', '--json'], dir);
      expect(result.status).toBe(0);
      const report = parseJson(result);
      expect(report.summary.changed).toBe(62);
    });
  });
});

describe('concurrent edits', () => {
  it('lines appended while migrate runs are never lost; every refused file is named and the exit code says so', async () => {
    const COUNT = 300;
    const dir = writeProject(Object.fromEntries(Array.from({ length: COUNT }, (_, i) => [`f${i}.ts`, SAMPLE])));
    const child = spawn(process.execPath, [BIN, 'migrate', '.', '--json', '--cpus', '2'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    let running = true;
    void exited.then(() => {
      running = false;
    });
    const appended = new Map<string, string[]>();
    for (let round = 0; running && round < 2000; round++) {
      const file = `f${(round * 7) % COUNT}.ts`;
      const line = `// edit ${round}\n`;
      appendFileSync(join(dir, file), line);
      appended.set(file, [...(appended.get(file) ?? []), line]);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const status = await exited;
    const report = JSON.parse(stdout) as JsonReport;
    const refused = new Set(report.files.filter((file) => file.status === 'error').map((file) => file.path));

    for (const [file, lines] of appended) {
      const text = read(dir, file);
      // Nothing lost, nothing torn: the original or the migrated text, then every appended line.
      const body = text.startsWith(SAMPLE_OUT) ? SAMPLE_OUT : SAMPLE;
      expect(text).toBe(body + lines.join(''));
      if (body === SAMPLE && report.files.find((entry) => entry.path === file)?.status === 'changed') throw new Error(`${file} reported changed, not written`);
    }
    expect(status).toBe(refused.size > 0 ? 1 : 0);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});

describe('temp files', () => {
  it('are named after the file, ctxmod and the process, so that one left by a killed run is easy to find', () => {
    const temp = getTempPath('/project/src/a.ts');
    expect(temp.startsWith('/project/src/')).toBe(true);
    expect(basename(temp)).toMatch(new RegExp(`^\\.a\\.ts\\.ctxmod-${process.pid}-[0-9a-f]{8}\\.tmp$`));
    expect(existsSync(temp)).toBe(false);
  });
});
