/** The thread-signal pass through the CLI and on some files; its tree fixtures are in thread-signal-cases-<n>.test.ts. */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import './shared-declaration-files.mjs';
import { describe, expect, it } from 'vitest';
import { getLineMapper } from '../src/report/line-map.ts';
import { computeThread } from '../src/thread/run-thread.ts';
import { ctxmod, ROOT as REPO, writeProject } from './helpers.ts';
import { ROOT } from './thread-signal-cases.ts';

describe('ctxmod migrate runs thread-signal', () => {
  const files = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, lib: ['ES2023', 'DOM'], types: [] }, include: ['src'] }),
    'src/client.ts': 'export async function getUser(id: string) {\n  return fetch(`/users/${id}`);\n}\n',
    'src/handler.ts': "import { getUser } from './client';\n\nexport async function handle(request: Request) {\n  return getUser(request.url);\n}\n",
  };

  it('reports and writes the thread edits with the per-file findings; --no-thread skips it', () => {
    const dir = writeProject(files);
    const dry = ctxmod(['migrate', 'src', '--dry', '--json'], dir);
    expect(dry.status).toBe(0);
    const report = JSON.parse(dry.stdout) as { files: { path: string; status: string; edits: { transform: string; message: string }[]; diff?: string }[] };
    const client = report.files.find((file) => file.path === 'src/client.ts');
    expect(client?.status).toBe('changed');
    expect(client?.edits.map((edit) => `${edit.transform}: ${edit.message}`)).toEqual([
      'thread-signal: threads `signal` through getUser',
      'thread-signal: passes `signal` to fetch',
    ]);
    expect(client?.diff).toContain('+export async function getUser(id: string, signal?: AbortSignal) {');
    expect(readFileSync(join(dir, 'src/client.ts'), 'utf8')).toBe(files['src/client.ts']);

    const skipped = ctxmod(['migrate', 'src', '--dry', '--json', '--no-thread'], dir);
    expect(JSON.parse(skipped.stdout).files.flatMap((file: { edits: unknown[] }) => file.edits)).toEqual([]);

    const written = ctxmod(['migrate', 'src', '--param-name', 'abortSignal', '--required'], dir);
    expect(written.status).toBe(0);
    expect(readFileSync(join(dir, 'src/client.ts'), 'utf8')).toBe(
      'export async function getUser(id: string, abortSignal: AbortSignal) {\n  return fetch(`/users/${id}`, { signal: abortSignal });\n}\n',
    );
    expect(readFileSync(join(dir, 'src/handler.ts'), 'utf8')).toContain('return getUser(request.url, request.signal);');
  });

  it('a suppression at one of its sites keeps the whole change set from being written', () => {
    const dir = writeProject({
      ...files,
      'src/client.ts': 'export async function getUser(id: string) {\n  // ctxmod-ignore-next-line missing-signal-chain -- a lookup every caller waits for\n  return fetch(`/users/${id}`);\n}\n',
    });
    const result = ctxmod(['migrate', 'src', '--dry', '--fail-on-change'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const note = 'suppressed [thread-signal] change set not written (getUser (client.ts:1); src/client.ts, src/handler.ts): src/client.ts: a suppression comment covers missing-signal-chain at line 3';
    expect(result.stderr).toContain(`src/client.ts:1:41: ${note}\nsrc/handler.ts:4:29: ${note}\n`);
    expect(ctxmod(['migrate', 'src'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'src/handler.ts'), 'utf8')).toBe(files['src/handler.ts']);
    expect(readFileSync(join(dir, 'src/client.ts'), 'utf8')).toContain('\n  return fetch(`/users/${id}`);\n');
    expect(result.stderr).toMatch(/ctxmod: 2 files: 0 would change, 2 unchanged, 0 skipped, 0 errors; 0 edits, 0 to review, 2 suppressed/);
  });

  it('threads only from signal sources: with none, no edit and one summary line; --thread-from sinks or thread.from threads from the sinks', () => {
    const unsourced = {
      ...files,
      'src/handler.ts': "import { getUser } from './client';\n\nexport async function nightly(ids: string[]) {\n  for (const id of ids) await getUser(id);\n}\n",
    };
    const dir = writeProject(unsourced);
    const quiet = ctxmod(['migrate', 'src', '--dry'], dir);
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toContain(
      'ctxmod: warning: thread-signal: 1 sink has no signal source above them: not threaded (thread.from "sinks" / --thread-from sinks threads them anyway)\n',
    );
    expect(quiet.stderr).toContain('0 would change');

    const fromSinks = ctxmod(['migrate', 'src', '--thread-from', 'sinks'], dir);
    expect(fromSinks.status).toBe(0);
    expect(readFileSync(join(dir, 'src/client.ts'), 'utf8')).toContain('export async function getUser(id: string, signal?: AbortSignal) {');

    const configured = writeProject({ ...unsourced, 'ctxmod.config.json': JSON.stringify({ thread: { from: 'sinks' } }) });
    expect(ctxmod(['migrate', 'src'], configured).status).toBe(0);
    expect(readFileSync(join(configured, 'src/client.ts'), 'utf8')).toContain('return fetch(`/users/${id}`, { signal });');
  });

  it('leaves a signal-aware call in a function with its own signal to the per-file transforms, which left it on purpose', () => {
    const dir = writeProject({
      // @types/node, so that the pass itself sees spawn's signal option.
      'tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, types: ['node'], typeRoots: [join(REPO, 'node_modules', '@types')] },
        include: ['src'],
      }),
      'src/record.ts': [
        "import { spawn } from 'node:child_process';",
        '',
        '/** Stops recording on abort and resolves with what was captured so far. */',
        'export function record(signal?: AbortSignal): Promise<string> {',
        '  return new Promise((resolve) => {',
        "    const child = spawn('ffmpeg', ['-i', 'default'], { stdio: ['ignore', 'pipe', 'ignore'] });",
        "    let data = '';",
        "    child.stdout.on('data', (chunk) => (data += chunk));",
        "    child.on('close', () => resolve(data));",
        "    signal?.addEventListener('abort', () => child.kill('SIGINT'), { once: true });",
        '  });',
        '}',
        '',
      ].join('\n'),
    });
    const result = ctxmod(['migrate', 'src', '--dry'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("src/record.ts:6:19: review [forward-signal] spawn(): signal not passed: the 'abort' listener at line 10 already stops `child`");
  });

  it('takes the ctx carrier, its context type and roots from the config; a context type it cannot use stops only the pass', () => {
    const dir = writeProject({
      ...files,
      'src/app-context.ts': 'export interface AppContext {\n  signal?: AbortSignal;\n}\n',
      'ctxmod.config.json': JSON.stringify({ thread: { carrier: 'ctx', contextType: 'AppContext', contextImport: './src/app-context.ts' } }),
    });
    const result = ctxmod(['migrate', 'src'], dir);
    expect(result.stderr).not.toContain('thread-signal');
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'src/client.ts'), 'utf8')).toBe(
      "import type { AppContext } from './app-context';\n\nexport async function getUser(ctx: AppContext, id: string) {\n  return fetch(`/users/${id}`, { signal: ctx.signal });\n}\n",
    );
    expect(readFileSync(join(dir, 'src/handler.ts'), 'utf8')).toContain('return getUser({ signal: request.signal }, request.url);');

    const missing = writeProject({ ...files, 'ctxmod.config.json': JSON.stringify({ thread: { carrier: 'ctx' } }) });
    const failed = ctxmod(['migrate', 'src', '--dry'], missing);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain(
      'ctxmod: thread-signal not run: no type Context in the project: declare one (e.g. `export interface Context { signal?: AbortSignal }`) or set thread.contextImport\n',
    );
    expect(failed.stderr).toContain('ctxmod: 2 files: 0 would change');
  });

  it('runs the per-file transforms again on what it threaded, so a second run changes nothing', () => {
    const source = [
      "import { getUser } from './client';",
      '',
      'async function notify(id: string) {',
      '  console.log(id);',
      '}',
      '',
      'export async function syncAll(ids: string[]) {',
      '  await getUser(ids[0]);',
      '  for (const id of ids) {',
      '    await notify(id);',
      '  }',
      '  await new Promise((resolve) => setTimeout(resolve, 100));',
      '}',
      '',
      'export async function sync(request: Request) {',
      '  await syncAll([request.url]);',
      '}',
      '',
    ].join('\n');
    const dir = writeProject({ ...files, 'src/sync.ts': source });
    const dry = ctxmod(['migrate', 'src', '--dry', '--json', '--runtime', 'node'], dir);
    const report = JSON.parse(dry.stdout) as { files: { path: string; edits: { line: number; transform: string }[] }[] };
    const sync = report.files.find((file) => file.path === 'src/sync.ts');
    // Lines of the file as it was. The sleep has no signal before the pass, so it is rewritten
    // only after it, with the signal the pass threaded, like the loop's check.
    expect(sync?.edits.map((edit) => `${edit.line} ${edit.transform}`)).toEqual([
      '7 thread-signal',
      '8 thread-signal',
      '16 thread-signal',
      // The import the sleep's rewrite adds, reported after the pass too.
      '1 abortable-sleep',
      '9 loop-check',
      '12 abortable-sleep',
    ]);
    expect(ctxmod(['migrate', 'src', '--runtime', 'node'], dir).status).toBe(0);
    const expected = source
      .replace("import { getUser }", "import { setTimeout as sleep } from 'node:timers/promises';\nimport { getUser }")
      .replace('syncAll(ids: string[])', 'syncAll(ids: string[], signal?: AbortSignal)')
      .replace('getUser(ids[0])', 'getUser(ids[0], signal)')
      .replace('    await notify(id);', '    signal?.throwIfAborted();\n    await notify(id);')
      .replace('await new Promise((resolve) => setTimeout(resolve, 100))', 'await sleep(100, undefined, { signal })')
      .replace('syncAll([request.url])', 'syncAll([request.url], request.signal)');
    expect(readFileSync(join(dir, 'src/sync.ts'), 'utf8')).toBe(expected);
    const again = ctxmod(['migrate', 'src', '--dry', '--json', '--runtime', 'node'], dir);
    expect(JSON.parse(again.stdout).files.flatMap((file: { edits: unknown[] }) => file.edits)).toEqual([]);
  });

  it('rejects a --param-name that is not an identifier', () => {
    const dir = writeProject(files);
    const result = ctxmod(['migrate', 'src', '--dry', '--param-name', 'a-b'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--param-name must be an identifier');
  });
});

describe('positions of the thread findings', () => {
  it('maps lines of a later text to the earlier one', () => {
    const map = getLineMapper('a\nb\nc\nd\n', 'x\na\nB\nc\ny\nd\n');
    expect([1, 2, 3, 4, 5, 6].map(map)).toEqual([1, 1, 2, 3, 4, 4]);
  });

  it('are lines of the file as it was, like the per-file findings, when transforms changed it first', () => {
    const dir = writeProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, lib: ['ES2023', 'DOM'], types: [] }, include: ['src'] }),
      'src/client.ts':
        'export async function pause(ms: number, signal: AbortSignal) {\n  await new Promise((resolve) => setTimeout(resolve, ms));\n}\n\nexport async function getUser(id: string) {\n  return fetch(`/users/${id}`);\n}\n\n' +
        "export async function profile(signal: AbortSignal) {\n  return getUser('me');\n}\n",
    });
    for (const args of [['--dry'], []]) {
      const result = ctxmod(['migrate', 'src', '--json', ...args], dir);
      const [file] = JSON.parse(result.stdout).files as { path: string; edits: { transform: string; line: number; message: string }[] }[];
      expect(file?.edits.map((edit) => `${edit.line} ${edit.transform}: ${edit.message}`)).toEqual([
        "1 abortable-sleep: adds import { setTimeout as sleep } from 'node:timers/promises'",
        expect.stringMatching(/^2 abortable-sleep: /),
        '5 thread-signal: threads `signal` through getUser',
        '6 thread-signal: passes `signal` to fetch',
        '10 thread-signal: passes `signal` to getUser',
      ]);
    }
  });
});

describe('thread-signal limited to some files', () => {
  it('changes only the given files; callers elsewhere keep compiling through the optional parameter', () => {
    const input = join(ROOT, 'basic-chain', 'input');
    const client = join(input, 'src', 'client.ts');
    const { files } = computeThread({ project: join(input, 'tsconfig.json'), files: new Set([client]) });
    const changed = [...files].filter(([, file]) => file.after !== undefined && file.after !== file.before).map(([name]) => relative(input, name));
    expect(changed).toEqual(['src/client.ts']);
    expect(files.get(client)?.after).toBe(readFileSync(join(ROOT, 'basic-chain', 'output', 'src', 'client.ts'), 'utf8'));
  });

  it('counts no caller outside the given files that has no signal: a test, or one below a function that could not be threaded', () => {
    const input = join(ROOT, 'no-change-cut-chain', 'input');
    const given = new Set(['auth.ts', 'client.ts'].map((name) => join(input, 'src', name)));
    const { files } = computeThread({ project: join(input, 'tsconfig.json'), files: given });
    expect([...files].filter(([, file]) => file.after !== undefined && file.after !== file.before)).toEqual([]);
  });
});
