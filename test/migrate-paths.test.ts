/**
 * One behaviour on every path: the API's `migrate` and the CLI give the same report, the
 * thread-signal pass is an entry of the registry like any transform, `--verify` and
 * `--interactive` cover its edits, and what it skips it says.
 */
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildJsonReport, migrate } from '../src/index.ts';
import { createProgress } from '../src/report/progress.ts';
import { CLIENT, CLIENT_THREADED, ctxmod, HANDLER, HANDLER_THREADED, ROOT, TSCONFIG, writeProject, writeRepo as repo } from './helpers.ts';

/** Only the thread pass has something to do here. */
const THREAD_ONLY = { 'tsconfig.json': TSCONFIG, 'src/client.ts': CLIENT, 'src/handler.ts': HANDLER };

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');


/** A `--json` report with the run's duration, the one thing two runs may not share, set to 0. */
function withoutDuration(report: { summary: { durationMs: number } }): unknown {
  return { ...report, summary: { ...report.summary, durationMs: 0 } };
}

describe('API migrate and CLI migrate', () => {
  it('give the same report on the examples, thread-signal pass included', async () => {
    const cli = ctxmod(['migrate', 'examples', '--dry', '--json'], ROOT);
    expect(cli.status).toBe(0);
    const fromCli = JSON.parse(cli.stdout) as { files: { edits: { transform: string }[] }[]; summary: { durationMs: number } };
    const fromApi = buildJsonReport(await migrate({ paths: ['examples'], cwd: ROOT, dry: true, config: true }));
    expect(withoutDuration(fromApi)).toEqual(withoutDuration(fromCli));
    // The comparison covers the cross-file pass, not only the per-file transforms.
    expect(fromCli.files.some((file) => file.edits.some((edit) => edit.transform === 'thread-signal'))).toBe(true);
  });
});

describe('thread-signal in the registry', () => {
  it('ctxmod list shows it after the per-file transforms', () => {
    const list = ctxmod(['list'], ROOT);
    expect(list.status).toBe(0);
    expect(list.stdout.trimEnd().split('\n').at(-1)).toMatch(/^thread-signal +Thread a signal parameter up call chains across files to the calls that take one \(needs a tsconfig\)$/);
  });

  it('ctxmod run thread-signal runs the pass alone', () => {
    const sleep = 'export async function poll(signal: AbortSignal) {\n  await new Promise((r) => setTimeout(r, 100));\n}\n';
    const dir = writeProject({ ...THREAD_ONLY, 'src/poll.ts': sleep });
    const result = ctxmod(['run', 'thread-signal', 'src', '--dry', '--json'], dir);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { files: { path: string; status: string; edits: { transform: string }[] }[] };
    expect(report.files.map((file) => [file.path, file.status, [...new Set(file.edits.map((edit) => edit.transform))]])).toEqual([
      ['src/client.ts', 'changed', ['thread-signal']],
      ['src/handler.ts', 'changed', ['thread-signal']],
      // abortable-sleep was not asked for.
      ['src/poll.ts', 'unchanged', []],
    ]);
  });
});

describe('what the thread path skips, it says', () => {
  it.each(['migrate', 'check'])('%s --project missing.json exits 2 and writes nothing', (command) => {
    const dir = writeProject(THREAD_ONLY);
    const result = ctxmod([command, 'src', '--project', 'missing.json'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('ctxmod: path not found: missing.json\n');
    expect(result.stdout).toBe('');
    expect(read(dir, 'src/client.ts')).toBe(CLIENT);
  });

  it('without a tsconfig, migrate and check say what they skipped and how to enable it; --no-thread is quiet', () => {
    const dir = writeProject({ 'src/client.ts': CLIENT, 'src/handler.ts': HANDLER });
    const migrated = ctxmod(['migrate', 'src', '--dry'], dir);
    expect(migrated.status).toBe(0);
    expect(migrated.stderr).toContain(
      'ctxmod: warning: thread-signal skipped: no tsconfig.json found at or above src (name one with --project, or leave the pass out with --no-thread)\n',
    );
    expect(ctxmod(['migrate', 'src', '--dry', '--no-thread'], dir).stderr).not.toContain('thread-signal');

    const checked = ctxmod(['check', 'src', '--format', 'json'], dir);
    expect(checked.status).toBe(0);
    expect(checked.stderr).toBe(
      'ctxmod: missing-signal-chain skipped: no tsconfig.json found at or above src (name one with --project, or leave the rule out with --no-thread)\n',
    );
    expect(JSON.parse(checked.stdout).notes).toEqual([
      'missing-signal-chain skipped: no tsconfig.json found at or above src (name one with --project, or leave the rule out with --no-thread)',
    ]);
    const quiet = ctxmod(['check', 'src', '--format', 'json', '--no-thread'], dir);
    expect(quiet.stderr).toBe('');
    expect(JSON.parse(quiet.stdout).notes).toBeUndefined();
  });
});

describe('--verify and --interactive cover the thread edits', () => {
  it('--verify --dry type-checks them and shows them', () => {
    const dir = writeProject(THREAD_ONLY);
    const dry = ctxmod(['migrate', 'src', '--verify', '--dry', '--json'], dir);
    expect(dry.status).toBe(0);
    const report = JSON.parse(dry.stdout) as { warnings: string[]; summary: { diagnostics?: unknown }; files: { path: string; diff?: string }[] };
    expect(report.warnings).toEqual([]);
    // client.ts gains a parameter; handler.ts, which imports it, passes the signal: both checked.
    expect(report.summary.diagnostics).toEqual({ before: 0, after: 0, files: 2 });
    expect(report.files.find((file) => file.path === 'src/client.ts')?.diff).toContain('+export async function getUser(id: string, signal?: AbortSignal) {');
    expect(read(dir, 'src/client.ts')).toBe(CLIENT);
  });

  it('--verify writes them; a second run changes nothing', () => {
    const dir = writeProject(THREAD_ONLY);
    const written = ctxmod(['migrate', 'src', '--verify'], dir);
    expect(written.status).toBe(0);
    expect(written.stderr).toContain('2 changed');
    expect(read(dir, 'src/client.ts')).toBe(CLIENT_THREADED);
    expect(read(dir, 'src/handler.ts')).toBe(HANDLER_THREADED);
    // A second run changes nothing.
    expect(ctxmod(['migrate', 'src', '--verify', '--dry', '--fail-on-change'], dir).status).toBe(0);
    // Two type-checked runs: each loads the compiler twice.
  }, 180_000);

  it('--verify leaves a change set out of every file when it leaves one of its files out', () => {
    // The caller's own edit (forward-signal's `{ signal }`) fails under exactOptionalPropertyTypes;
    // written alone, the callee would take a signal no caller passes.
    const tsconfig = JSON.parse(TSCONFIG) as { compilerOptions: Record<string, unknown> };
    tsconfig.compilerOptions.exactOptionalPropertyTypes = true;
    const handler = "import { getUser } from './client';\n\nexport async function handle(id: string, signal?: AbortSignal) {\n  await fetch('/ping');\n  return getUser(id);\n}\n";
    const dir = repo({ 'tsconfig.json': JSON.stringify(tsconfig), 'src/client.ts': CLIENT, 'src/handler.ts': handler });
    const result = ctxmod(['migrate', 'src', '--verify'], dir);
    expect(result.status).toBe(1);
    expect(read(dir, 'src/client.ts')).toBe(CLIENT);
    expect(read(dir, 'src/handler.ts')).toBe(handler);
    expect(result.stderr).toContain('src/handler.ts: error: not written: the edits add 1 type error\n');
    expect(result.stderr).toContain(
      'src/client.ts: skipped: change set not written (getUser (client.ts:1); src/client.ts, src/handler.ts): src/handler.ts: the edits there add a type error; a change set is written whole or not at all\n',
    );
    expect(result.stderr).toContain('ctxmod: 2 files: 0 changed, 0 unchanged, 1 skipped, 1 error;');
  }, 180_000);

  it("the API's review callback gets the thread edits with the per-file ones, and writes what it returns", async () => {
    const dir = repo(THREAD_ONLY);
    const offered: string[] = [];
    const report = await migrate({
      paths: ['src'],
      cwd: dir,
      review: async (file) => {
        offered.push(file.path);
        return file.after;
      },
    });
    expect(offered).toEqual(['src/client.ts', 'src/handler.ts']);
    expect(report.files.map((file) => [file.path, file.status])).toEqual([
      ['src/client.ts', 'changed'],
      ['src/handler.ts', 'changed'],
    ]);
    expect(read(dir, 'src/client.ts')).toBe(CLIENT_THREADED);
    expect(read(dir, 'src/handler.ts')).toBe(HANDLER_THREADED);
  });

  it('a change set the review takes in one file and leaves in another is written in neither, with a note', async () => {
    const dir = repo(THREAD_ONLY);
    const sets: unknown[] = [];
    const report = await migrate({
      paths: ['src'],
      cwd: dir,
      review: async (file) => {
        sets.push(file.changeSets);
        return file.path === 'src/client.ts' ? file.after : undefined;
      },
    });
    const set = { id: 0, label: 'getUser (client.ts:1)', files: ['src/client.ts', 'src/handler.ts'] };
    expect(sets).toEqual([[{ ...set, lines: [1, 2] }], [{ ...set, lines: [4] }]]);
    const note = 'change set not written (getUser (client.ts:1); src/client.ts, src/handler.ts): src/handler.ts: declined in review; a change set is written whole or not at all';
    expect(report.files.map(({ path, status, reason, findings }) => ({ path, status, reason, findings: findings.map((finding) => `${finding.line}:${finding.column} ${finding.kind} ${finding.message}`) }))).toEqual([
      { path: 'src/client.ts', status: 'skipped', reason: note, findings: [`1:1 manual ${note}`] },
      { path: 'src/handler.ts', status: 'skipped', reason: 'no change accepted in review', findings: [] },
    ]);
    expect(read(dir, 'src/client.ts')).toBe(CLIENT);
    expect(read(dir, 'src/handler.ts')).toBe(HANDLER);
  });

  it('-i shows their hunks, says they go together, and writes them when all are accepted', () => {
    const dir = repo(THREAD_ONLY);
    const result = ctxmod(['migrate', 'src', '-i'], dir, 'y\ny\n');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('thread-signal');
    expect(result.stderr).toContain('+export async function getUser(id: string, signal?: AbortSignal) {');
    expect(result.stderr).toContain('+  return getUser(request.url, request.signal);');
    const together = '# change set getUser (client.ts:1) (src/client.ts, src/handler.ts): written whole or not at all; declining one of its hunks declines all of them\n';
    expect(result.stderr.split(together).length).toBe(3);
    expect(read(dir, 'src/client.ts')).toBe(CLIENT_THREADED);
    expect(read(dir, 'src/handler.ts')).toBe(HANDLER_THREADED);
    expect(result.stderr).not.toContain('skipped with --interactive');
  });

  it('-i: files a change set links are written together: one that cannot be written puts back the others', () => {
    const dir = repo(THREAD_ONLY);
    chmodSync(join(dir, 'src/handler.ts'), 0o444);
    const result = ctxmod(['migrate', 'src', '-i'], dir, 'y\ny\n');
    expect(result.status).toBe(1);
    expect(read(dir, 'src/client.ts')).toBe(CLIENT);
    expect(read(dir, 'src/handler.ts')).toBe(HANDLER);
    expect(result.stderr).toContain('src/client.ts: skipped: a change set in it could not be written whole: src/handler.ts: file is read-only; not written\n');
    expect(result.stderr).toContain('src/handler.ts: error: file is read-only; not written\n');
  });

  it('-i: declining the call site declines the signature accepted before it; the other hunks of its file stay', () => {
    const SLEEP = '\n// 1\n// 2\n// 3\n// 4\n// 5\n// 6\n// 7\nexport async function poll(signal: AbortSignal) {\n  await new Promise((r) => setTimeout(r, 1));\n}\n';
    const dir = repo({ ...THREAD_ONLY, 'src/client.ts': CLIENT + SLEEP });
    const result = ctxmod(['migrate', 'src', '-i'], dir, 'y\ny\nn\n');
    expect(result.status).toBe(0);
    expect(read(dir, 'src/client.ts')).toBe(
      "import { setTimeout as sleep } from 'node:timers/promises';\n\n" + CLIENT + SLEEP.replace('new Promise((r) => setTimeout(r, 1))', 'sleep(1, undefined, { signal })'),
    );
    expect(read(dir, 'src/handler.ts')).toBe(HANDLER);
    expect(result.stderr).toContain(
      'src/client.ts:1:1: review [thread-signal] change set not written (getUser (client.ts:3); src/client.ts, src/handler.ts): src/handler.ts: declined in review; a change set is written whole or not at all\n',
    );
  });
});

describe('progress', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('names the phase instead of sitting at n/n during the thread pass', () => {
    let text = '';
    const progress = createProgress({ write: (chunk: string) => (text += chunk) });
    vi.advanceTimersByTime(500);
    progress.phase('transforming');
    progress.update(3, 3);
    progress.phase('threading');
    progress.phase('verifying');
    expect(text.split('\r\x1b[2K').filter(Boolean)).toEqual([
      'ctxmod transforming',
      `ctxmod transforming [${'#'.repeat(30)}] 3/3 files`,
      `ctxmod threading    [${'#'.repeat(30)}] 3/3 files`,
      `ctxmod verifying    [${'#'.repeat(30)}] 3/3 files`,
    ]);
  });
});
