/**
 * `--format` with stand-in formatters: packages named `prettier` and `@biomejs/biome` in the
 * project's node_modules whose command reads stdin and marks what it prints, so no real formatter
 * is needed and a test sees which one ran, for which file, with which arguments.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate as migrateProject } from '../src/index.ts';
import { run } from '../src/engine/run.ts';
import { CLIENT, CLIENT_THREADED, ctxmod, HANDLER, HANDLER_THREADED, TSCONFIG, writeProject } from './helpers.ts';

const SLEEP = 'export async function backoff(signal?: AbortSignal) {\n  await new Promise<void>((resolve) => setTimeout(resolve, 100));\n}\n';
const UNCHANGED = 'export const wait = (ms: number) => setTimeout(() => {}, ms);\n';
// Under a config, in double quotes: the formatters' default, and the file has no strings to say otherwise.
const SLEPT = 'import { setTimeout as sleep } from "node:timers/promises";\n\nexport async function backoff(signal?: AbortSignal) {\n  await sleep(100, undefined, { signal });\n}\n';

/**
 * A command that logs its arguments, then prints stdin under a line naming the formatter, once
 * (formatters are idempotent), with `rewrite[0]` replaced by `rewrite[1]`; or fails: always, or
 * for a file whose path contains `fail`.
 */
function fakeFormatter(name: string, fail: boolean | string = false, rewrite: readonly [string, string] = ['', '']): string {
  const mark = `// formatted by ${name}\\n`;
  return `#!/usr/bin/env node
const { appendFileSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
appendFileSync(join(${JSON.stringify('LOG')}), JSON.stringify(process.argv.slice(2)) + '\\n');
const input = readFileSync(0, 'utf8');
if (${fail === true ? 'true' : fail ? `process.argv.slice(2).join(' ').includes(${JSON.stringify(fail)})` : 'false'}) {
  process.stderr.write('SyntaxError: unexpected token (3:7)\\n');
  process.exit(2);
}
const [from, to] = ${JSON.stringify(rewrite)};
const text = from ? input.split(from).join(to) : input;
process.stdout.write(text.startsWith('${mark}') ? text : '${mark}' + text);
`;
}

function project(files: Record<string, string>, formatters: { prettier?: boolean; biome?: boolean; failing?: boolean | string; rewrite?: [string, string] }): string {
  const dir = writeProject({ 'a.ts': SLEEP, 'b.ts': UNCHANGED, ...files });
  const log = join(dir, 'formatter.log');
  const stubs: Record<string, string> = {};
  if (formatters.prettier) {
    stubs['node_modules/prettier/package.json'] = JSON.stringify({ name: 'prettier', version: '3.0.0-fake', bin: './bin/prettier.cjs' });
    stubs['node_modules/prettier/bin/prettier.cjs'] = fakeFormatter('prettier', formatters.failing, formatters.rewrite).replace('"LOG"', JSON.stringify(log));
  }
  if (formatters.biome) {
    stubs['node_modules/@biomejs/biome/package.json'] = JSON.stringify({ name: '@biomejs/biome', version: '2.0.0-fake', bin: { biome: 'bin/biome' } });
    stubs['node_modules/@biomejs/biome/bin/biome'] = fakeFormatter('biome').replace('"LOG"', JSON.stringify(log));
  }
  return writeProject(stubs, dir);
}

function calls(dir: string): string[][] {
  const log = join(dir, 'formatter.log');
  return existsSync(log) ? readFileSync(log, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as string[]) : [];
}

const migrate = (cwd: string, extra: { dry?: boolean } = {}) =>
  run({ paths: ['a.ts', 'b.ts'], cwd, transforms: ['abortable-sleep'], cpus: 1, requireClean: false, format: true, ...extra });

describe('--format', () => {
  it("runs the repository's Prettier on the changed file only, and writes its output", async () => {
    const cwd = project({ '.prettierrc': '{}' }, { prettier: true, biome: true });
    const report = await migrate(cwd);
    expect(readFileSync(join(cwd, 'a.ts'), 'utf8')).toBe(`// formatted by prettier\n${SLEPT}`);
    expect(readFileSync(join(cwd, 'b.ts'), 'utf8')).toBe(UNCHANGED);
    expect(calls(cwd)).toEqual([['--stdin-filepath', join(cwd, 'a.ts')]]);
    expect(report.files.find((file) => file.path === 'a.ts')?.findings.at(-1)).toEqual({
      transform: 'format',
      kind: 'edit',
      line: 1,
      column: 1,
      endLine: 7,
      consequence: true,
      message: "formatted with the repository's Prettier 3.0.0-fake",
    });
  });

  it('runs Biome where its config is the nearest', async () => {
    const cwd = project({ 'biome.json': '{}' }, { prettier: true, biome: true });
    await migrate(cwd);
    expect(readFileSync(join(cwd, 'a.ts'), 'utf8')).toBe(`// formatted by biome\n${SLEPT}`);
    expect(calls(cwd)).toEqual([['format', `--stdin-file-path=${join(cwd, 'a.ts')}`]]);
  });

  it('shows the formatted result in a dry run and writes nothing', async () => {
    const cwd = project({}, { prettier: true });
    const report = await migrate(cwd, { dry: true });
    expect(report.files.find((file) => file.path === 'a.ts')?.diff).toContain('+// formatted by prettier\n');
    expect(readFileSync(join(cwd, 'a.ts'), 'utf8')).toBe(SLEEP);
  });

  it('leaves the file alone with a clear error when no formatter is installed, or it fails', async () => {
    const none = project({ 'biome.json': '{}' }, { prettier: true });
    const missing = await migrate(none);
    expect(missing.files.find((file) => file.path === 'a.ts')).toMatchObject({
      status: 'error',
      error: { message: "--format: no Biome installed in a node_modules above this file (@biomejs/biome); ctxmod runs the repository's own formatter only" },
    });
    expect(readFileSync(join(none, 'a.ts'), 'utf8')).toBe(SLEEP);

    const broken = project({}, { prettier: true, failing: true });
    const failed = await migrate(broken);
    expect(failed.files.find((file) => file.path === 'a.ts')).toMatchObject({
      status: 'error',
      error: { message: '--format: Prettier 3.0.0-fake failed (exit 2): SyntaxError: unexpected token (3:7)' },
    });
    expect(readFileSync(join(broken, 'a.ts'), 'utf8')).toBe(SLEEP);
  });

  it('is a flag of migrate', () => {
    const cwd = project({}, { prettier: true });
    const result = ctxmod(['migrate', 'a.ts', 'b.ts', '--format', '--dry', '--no-thread'], cwd);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('+// formatted by prettier\n');
    expect(calls(cwd)).toEqual([['--stdin-filepath', join(cwd, 'a.ts')]]);
  });
});

const PRETTIER = '// formatted by prettier\n';

/** A project where only the thread-signal pass has something to do: one change set over two files. */
const threadProject = (formatter: { failing?: string; rewrite?: [string, string] } = {}, files: Record<string, string> = {}) =>
  project({ 'tsconfig.json': TSCONFIG, '.prettierrc': '{}', 'src/client.ts': CLIENT, 'src/handler.ts': HANDLER, ...files }, { prettier: true, ...formatter });

const migrateSrc = (cwd: string, extra: { dry?: boolean } = {}) => migrateProject({ paths: ['src'], cwd, cpus: 1, requireClean: false, format: true, ...extra });

describe('--format with the thread-signal pass', () => {
  it("formats the files the pass changed, in what it writes and in a dry run's diff", async () => {
    const dry = threadProject();
    const preview = await migrateSrc(dry, { dry: true });
    expect(preview.files.map((file) => [file.path, file.status, file.diff?.includes(`+${PRETTIER}`)])).toEqual([
      ['src/client.ts', 'changed', true],
      ['src/handler.ts', 'changed', true],
    ]);
    expect(preview.files.find((file) => file.path === 'src/handler.ts')?.diff).toContain('+  return getUser(request.url, request.signal);\n');
    expect(readFileSync(join(dry, 'src/client.ts'), 'utf8')).toBe(CLIENT);

    const cwd = threadProject();
    const report = await migrateSrc(cwd);
    expect(readFileSync(join(cwd, 'src/client.ts'), 'utf8')).toBe(PRETTIER + CLIENT_THREADED);
    expect(readFileSync(join(cwd, 'src/handler.ts'), 'utf8')).toBe(PRETTIER + HANDLER_THREADED);
    expect(calls(cwd)).toEqual([
      ['--stdin-filepath', join(cwd, 'src/client.ts')],
      ['--stdin-filepath', join(cwd, 'src/handler.ts')],
    ]);
    expect(report.files.find((file) => file.path === 'src/handler.ts')?.findings.map((finding) => [finding.transform, finding.line, finding.endLine])).toEqual([
      ['thread-signal', 4, undefined],
      ['format', 1, 7],
    ]);
  });

  it('a file both passes changed is formatted after each, and reported formatted once', async () => {
    // The formatter breaks the parameters the pass added onto lines of their own.
    const rewrite: [string, string] = ['(id: string, signal?: AbortSignal)', '(\n  id: string,\n  signal?: AbortSignal,\n)'];
    const cwd = threadProject({ rewrite }, { 'src/client.ts': SLEEP + CLIENT });
    const report = await migrateSrc(cwd);
    expect(readFileSync(join(cwd, 'src/client.ts'), 'utf8')).toBe(PRETTIER + SLEPT + CLIENT_THREADED.replace(...rewrite));
    expect(calls(cwd).filter(([, path]) => path === join(cwd, 'src/client.ts'))).toHaveLength(2);
    expect(report.files.find((file) => file.path === 'src/client.ts')?.findings.filter((finding) => finding.transform === 'format')).toEqual([
      { transform: 'format', kind: 'edit', line: 1, column: 1, endLine: 13, consequence: true, message: "formatted with the repository's Prettier 3.0.0-fake" },
    ]);
  });

  it('when the formatter fails on one file of a change set, the set is still written whole, that file unformatted, and says so', async () => {
    const cwd = threadProject({ failing: 'handler' });
    const report = await migrateSrc(cwd);
    expect(readFileSync(join(cwd, 'src/client.ts'), 'utf8')).toBe(PRETTIER + CLIENT_THREADED);
    expect(readFileSync(join(cwd, 'src/handler.ts'), 'utf8')).toBe(HANDLER_THREADED);
    expect(report.files.find((file) => file.path === 'src/handler.ts')).toMatchObject({ status: 'changed' });
    expect(report.files.find((file) => file.path === 'src/handler.ts')?.findings.at(-1)).toEqual({
      transform: 'format',
      kind: 'manual',
      line: 1,
      column: 1,
      message:
        'not formatted (its thread-signal edits belong to a change set, written whole or not at all): --format: Prettier 3.0.0-fake failed (exit 2): SyntaxError: unexpected token (3:7)',
    });
    expect(report.summary).toMatchObject({ changed: 2, errors: 0, manual: 1 });
  });

  it('when the formatter fails on a file the transforms changed, that file is an error and no change set with an edit in it is written', async () => {
    const cwd = threadProject({ failing: 'client' }, { 'src/client.ts': SLEEP + CLIENT });
    const report = await migrateSrc(cwd);
    expect(readFileSync(join(cwd, 'src/client.ts'), 'utf8')).toBe(SLEEP + CLIENT);
    expect(readFileSync(join(cwd, 'src/handler.ts'), 'utf8')).toBe(HANDLER);
    expect(report.files.map((file) => [file.path, file.status, file.error?.message ?? file.reason])).toEqual([
      ['src/client.ts', 'error', '--format: Prettier 3.0.0-fake failed (exit 2): SyntaxError: unexpected token (3:7)'],
      [
        'src/handler.ts',
        'skipped',
        'change set not written (getUser (client.ts:4); src/client.ts, src/handler.ts): src/client.ts: the per-file pass did not process it (--format: Prettier 3.0.0-fake failed (exit 2): SyntaxError: unexpected token (3:7))',
      ],
    ]);
  });
});
