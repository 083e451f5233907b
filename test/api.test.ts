/**
 * The programmatic API: in-memory `transformSources`, and `migrate` with a config and on the
 * files a git branch changed (the README's script example), against the CLI's `--json`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildJsonReport, migrate, parseConfig, processSource, transforms, transformSources, UnknownTransformError } from '../src/index.ts';
import { ctxmod, tempDir, writeProject } from './helpers.ts';

const SLEEP = 'export async function poll(signal: AbortSignal) {\n  await new Promise((r) => setTimeout(r, 100));\n}\n';
const FETCH = 'export async function get(url, signal) {\n  return fetch(url);\n}\n';
const PLAIN = 'export const x = 1;\n';
const output = (path: string, text: string) => processSource(path, text, transforms).output as string;

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
}

describe('transformSources (in memory)', () => {
  it('returns the --json report plus the new sources', () => {
    const report = transformSources({
      files: { 'src/sleep.ts': SLEEP, 'src/get.js': FETCH, 'src/plain.ts': PLAIN, 'src/broken.ts': 'export const signal = ;\n' },
    });
    expect(report.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.files.map((file) => [file.path, file.status])).toEqual([
      ['src/broken.ts', 'error'],
      ['src/get.js', 'changed'],
      ['src/plain.ts', 'unchanged'],
      ['src/sleep.ts', 'changed'],
    ]);
    const sleep = report.files[3];
    expect(sleep).toEqual({
      path: 'src/sleep.ts',
      status: 'changed',
      edits: [
        expect.objectContaining({ transform: 'abortable-sleep', line: 1, consequence: true }),
        expect.objectContaining({ transform: 'abortable-sleep', line: 2 }),
      ],
      manual: [],
      output: output('sleep.ts', SLEEP),
    });
    expect(report.files[1]?.output).toBe('export async function get(url, signal) {\n  return fetch(url, { signal });\n}\n');
    expect(report.files[0]?.error?.line).toBe(1);
    expect(report.files[2]).not.toHaveProperty('output');
    expect(report.sources).toEqual({
      'src/broken.ts': 'export const signal = ;\n',
      'src/get.js': report.files[1]?.output,
      'src/plain.ts': PLAIN,
      'src/sleep.ts': sleep?.output,
    });
    expect(report.summary).toMatchObject({ files: 4, changed: 2, unchanged: 1, skipped: 0, errors: 1, edits: 2, manual: 0 });
    expect(report.warnings).toEqual([]);
    expect(report.interrupted).toBe(false);
  });

  it('honours suppression comments as the CLI does', () => {
    const suppressed = SLEEP.replace('  await', '  // ctxmod-ignore-next-line sleep-without-signal\n  await');
    const report = transformSources({ files: { 'src/sleep.ts': suppressed, 'src/get.js': FETCH } });
    expect(report.sources['src/sleep.ts']).toBe(suppressed);
    expect(report.files[1]).toEqual({
      path: 'src/sleep.ts',
      status: 'unchanged',
      edits: [],
      manual: [expect.objectContaining({ transform: 'abortable-sleep', line: 3, suppressed: true })],
    });
    expect(report.summary).toMatchObject({ changed: 1, edits: 1, manual: 0, suppressed: 1 });
  });

  it('takes transforms, ignore globs, a config and diff like the CLI', () => {
    const files = { 'src/both.ts': SLEEP + FETCH, 'src/gen/x.ts': SLEEP };
    const only = transformSources({ files, transforms: ['forward-signal'], ignore: ['src/gen/**'], diff: true });
    expect(only.files.map((file) => [file.path, file.status, file.edits.map((edit) => edit.transform)])).toEqual([
      ['src/both.ts', 'changed', ['forward-signal']],
      ['src/gen/x.ts', 'skipped', []],
    ]);
    expect(only.files[0]?.diff).toMatch(/^--- a\/src\/both\.ts\n\+\+\+ b\/src\/both\.ts\n@@ /);
    expect(only.files[1]?.reason).toBe('matches an ignore glob');
    const config = parseConfig({ transforms: { disable: ['forward-signal'] }, ignore: ['src/gen/**'] });
    const configured = transformSources({ files, config });
    expect(configured.files[0]?.edits.map((edit) => edit.transform)).toEqual(['abortable-sleep', 'abortable-sleep']);
    expect(configured.files[1]?.status).toBe('skipped');
    expect(() => transformSources({ files, transforms: ['nope'] })).toThrow(UnknownTransformError);
  });

  it('exports the transforms with their meta', () => {
    expect(transforms.map((module) => module.meta.name)).toEqual(['forward-signal', 'abortable-sleep', 'race-timeout', 'link-signals', 'abort-timer', 'derive-signal', 'timeout-option', 'once-event', 'loop-check']);
    expect(transforms.every((module) => typeof module.meta.description === 'string' && typeof module.transform === 'function')).toBe(true);
  });
});

describe('migrate', () => {
  it('gives the report --json prints, and reads the config when asked', async () => {
    const dir = writeProject({ 'src/both.ts': SLEEP + FETCH, 'ctxmod.config.json': JSON.stringify({ transforms: ['abortable-sleep'] }) }, tempDir('ctxmod-api-'));
    const cli = JSON.parse(ctxmod(['migrate', 'src', '--dry', '--json'], dir).stdout) as ReturnType<typeof buildJsonReport>;
    const api = buildJsonReport(await migrate({ paths: ['src'], cwd: dir, dry: true, config: true }));
    const strip = (report: ReturnType<typeof buildJsonReport>) => ({ ...report, summary: { ...report.summary, durationMs: 0 } });
    expect(strip(api)).toEqual(strip(cli));
    expect(api.files[0]?.edits.map((edit) => edit.transform)).toEqual(['abortable-sleep', 'abortable-sleep']);
    // Without `config`, no file is read: every transform runs.
    const all = buildJsonReport(await migrate({ paths: ['src'], cwd: dir, dry: true }));
    expect(all.files[0]?.edits.map((edit) => edit.transform)).toEqual(['abortable-sleep', 'abortable-sleep', 'forward-signal']);
  });

  it('migrates only the files a branch changed (git diff --name-only main...HEAD)', async () => {
    const dir = writeProject({ 'src/old.ts': SLEEP, 'src/touched.ts': PLAIN }, tempDir('ctxmod-api-'));
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'init');
    git(dir, 'checkout', '-qb', 'feature');
    writeFileSync(join(dir, 'src/touched.ts'), SLEEP);
    writeFileSync(join(dir, 'src/new.ts'), SLEEP);
    writeFileSync(join(dir, 'notes.md'), 'x\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'feature');

    const changed = git(dir, 'diff', '--name-only', '--diff-filter=d', 'main...HEAD').split('\n').filter((path) => /\.[cm]?[jt]sx?$/.test(path));
    const report = await migrate({ paths: changed, cwd: dir });
    expect(report.files.map((file) => [file.path, file.status])).toEqual([
      ['src/new.ts', 'changed'],
      ['src/touched.ts', 'changed'],
    ]);
    expect(readFileSync(join(dir, 'src/touched.ts'), 'utf8')).toBe(output('touched.ts', SLEEP));
    expect(readFileSync(join(dir, 'src/old.ts'), 'utf8')).toBe(SLEEP);
  });
});
