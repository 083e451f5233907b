/**
 * The published package works: `npm pack`, install the tarball into a fresh project, run it, and
 * type-check a consumer file against its declarations as a strict project without skipLibCheck.
 * Installing needs the dependencies in the npm cache or a reachable registry.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const SLEEP = 'export async function poll(signal: AbortSignal) {\n  await new Promise((r) => setTimeout(r, 100));\n}\n';
const TIMEOUT = 180_000;
// Uses each kind of export; the @ts-expect-error lines fail the check if the types resolved to `any`.
const CONSUMER = `import { buildJsonReport, check, configSchema, ConfigError, migrate, parseConfig, processSource, transforms, transformSources, VERSION } from 'ctxmod';
import type { CtxmodConfig, CtxmodConfigInput, JsonReport, RunReport, Transform } from 'ctxmod';
import { activeResources, CancellationError, expectCancels, type CancellationResult } from 'ctxmod/testing';

const input: CtxmodConfigInput = {
  ignore: ['dist/**'],
  catalog: [{ module: '@acme/sdk', path: 'get', signal: { position: { kind: 'last' }, property: 'signal' } }],
};
const config: CtxmodConfig = parseConfig(input);
const since: string = config.catalog[0]!.since;
const report: RunReport = await migrate({ paths: ['src'], dry: true, config, transformOptions: { targetNode: '>=20' } });
const json: JsonReport = buildJsonReport(report);
const schemaVersion: 1 = json.schemaVersion;
const audit = await check({ paths: ['src'], project: false });
const failed: boolean = audit.failed;
const all: readonly Transform[] = transforms;
const output: string | undefined = processSource('a.ts', 'export {};', all).output;
const sources: Record<string, string> = transformSources({ files: { 'a.ts': 'export {};' } }).sources;
const parsed: CtxmodConfig = configSchema.parse(input);
const result: CancellationResult = await expectCancels((signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))));
const problems: readonly string[] = new ConfigError('x.json', 'bad').problems;
const leaked: boolean = new CancellationError(result, 'a rejection').result.leaked !== undefined;
const counts: Record<string, number> = activeResources();
// @ts-expect-error: the parsed config has its catalog
const missing: CtxmodConfig = {};
// @ts-expect-error: not a transform option
await migrate({ paths: [], transformOptions: { runtime: 'deno' } });
console.log(VERSION, since, schemaVersion, failed, output, sources, parsed, problems, leaked, counts, missing);
`;

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function sh(command: string, args: readonly string[], cwd: string, options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: TIMEOUT,
    shell: process.platform === 'win32',
    env: { ...process.env, NO_COLOR: '1' },
    ...options,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

describe('npm pack + install', () => {
  let temp: string;
  let project: string;
  let files: string[];

  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), 'ctxmod-pack-'));
    const packed = sh(npm, ['pack', '--pack-destination', temp, '--json', '--ignore-scripts'], ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    // --ignore-scripts: no `prepack` rebuilding dist/ under the other test files (pretest built it).
    const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    const tarball = join(temp, info[0]!.filename);
    files = info[0]!.files.map((file) => file.path);

    project = join(temp, 'consumer');
    mkdirSync(project);
    expect(sh(npm, ['init', '-y'], project).status).toBe(0);
    // @types/node: what a consumer of a Node package has (the current one, as a new project gets).
    const installed = sh(npm, ['install', tarball, '@types/node', '--prefer-offline', '--no-audit', '--no-fund'], project);
    expect(installed.status, installed.stderr).toBe(0);
  }, TIMEOUT);

  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('the tarball holds the bin, the compiled code and the worker, and no tests', () => {
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'LICENSE', 'schemas/config.schema.json', 'schemas/report.schema.json', 'bin/ctxmod.js', 'dist/src/cli/bin.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/engine/worker.js', 'dist/src/testing/index.js', 'dist/src/testing/index.d.ts']),
    );
    expect(files.filter((path) => path.startsWith('test/') || path.startsWith('__testfixtures__/'))).toEqual([]);
  });

  it('the packed manifest links the repository, names the types and has no install-time build', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'ctxmod', 'package.json'), 'utf8')) as Record<string, unknown> & {
      scripts: Record<string, string>;
    };
    expect(manifest).toMatchObject({
      repository: { type: 'git', url: 'git+https://github.com/ctxmod/ctxmod.git' },
      homepage: 'https://github.com/ctxmod/ctxmod#readme',
      bugs: { url: 'https://github.com/ctxmod/ctxmod/issues' },
      license: 'MIT',
      types: './dist/src/index.d.ts',
      engines: { node: '>=20.19' },
    });
    // `prepare` would run on every install of the package (and fail without the devDependencies).
    expect(Object.keys(manifest.scripts).filter((name) => ['prepare', 'preinstall', 'install', 'postinstall'].includes(name))).toEqual([]);
  });

  it('a strict consumer type-checks against the declarations without skipLibCheck', () => {
    const dir = join(project, 'typed');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, noEmit: true, types: ['node'] },
        files: ['consumer.mts'],
      }),
    );
    writeFileSync(join(dir, 'consumer.mts'), CONSUMER);
    const result = sh(process.execPath, [TSC, '-p', dir], project, { shell: false });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, TIMEOUT);

  it('npx ctxmod --help exits 0; --version matches', () => {
    const help = sh(npx, ['--no-install', 'ctxmod', '--help'], project);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('ctxmod <command> [options]');
    const version = sh(npx, ['--no-install', 'ctxmod', '--version'], project);
    expect(version.stdout.trim()).toBe(PKG.version);
  }, TIMEOUT);

  it('npx ctxmod migrate <dir> --dry prints a diff and writes nothing', () => {
    const src = join(project, 'src');
    mkdirSync(src);
    writeFileSync(join(src, 'poll.ts'), SLEEP);
    const result = sh(npx, ['--no-install', 'ctxmod', 'migrate', 'src', '--dry'], project);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('--- a/src/poll.ts\n+++ b/src/poll.ts\n');
    expect(result.stdout).toContain("+import { setTimeout as sleep } from 'node:timers/promises';\n");
    expect(result.stdout).toContain('+  await sleep(100, undefined, { signal });\n');
    expect(readFileSync(join(src, 'poll.ts'), 'utf8')).toBe(SLEEP);
  }, TIMEOUT);

  it('worker threads run from the installed package', () => {
    const many = join(project, 'many');
    mkdirSync(many);
    for (let i = 0; i < 60; i++) writeFileSync(join(many, `m${i}.ts`), SLEEP);
    const result = sh(npx, ['--no-install', 'ctxmod', 'migrate', 'many', '--cpus', '2', '--json'], project);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).summary).toMatchObject({ files: 60, changed: 60, errors: 0 });
  }, TIMEOUT);

  it("the API is importable as 'ctxmod'", () => {
    mkdirSync(join(project, 'api'));
    writeFileSync(join(project, 'api', 'poll.ts'), SLEEP);
    const script = `import { migrate, VERSION } from 'ctxmod';
const report = await migrate({ paths: ['api'], dry: true, cpus: 1 });
console.log(JSON.stringify({ VERSION, summary: report.summary }));`;
    const result = sh(process.execPath, ['--input-type=module', '-e', script], project, { shell: false });
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as { VERSION: string; summary: { files: number; changed: number } };
    expect(out.VERSION).toBe(PKG.version);
    expect(out.summary).toMatchObject({ files: 1, changed: 1 });
  });

  it("ctxmod/testing is importable: expectCancels passes a cancelling run and fails a leaking one", () => {
    const script = `import { activeResources, CancellationError, expectCancels } from 'ctxmod/testing';
import { setTimeout as sleep } from 'node:timers/promises';
const result = await expectCancels((signal) => sleep(5_000, undefined, { signal }));
const failure = await expectCancels(() => sleep(1_000), { withinMs: 50 }).catch((error) => error);
console.log(JSON.stringify({ outcome: result.outcome, leaked: failure instanceof CancellationError && failure.result.leaked, counts: typeof activeResources() }));`;
    const result = sh(process.execPath, ['--input-type=module', '-e', script], project, { shell: false });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ outcome: 'rejected', leaked: { Timeout: 1 }, counts: 'object' });
  });

  it('ctxmod/eslint-plugin is importable without eslint installed (an optional peer), its rules documented in the repository', () => {
    const script = `import plugin from 'ctxmod/eslint-plugin';
console.log(JSON.stringify({ name: plugin.configs.recommended.name, rules: Object.keys(plugin.rules).length, url: plugin.rules['unforwarded-signal'].meta.docs.url }));`;
    expect(existsSync(join(project, 'node_modules', 'eslint'))).toBe(false);
    const result = sh(process.execPath, ['--input-type=module', '-e', script], project, { shell: false });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      name: 'ctxmod/recommended',
      rules: 16,
      url: 'https://github.com/ctxmod/ctxmod/blob/main/docs/rules/unforwarded-signal.md',
    });
  });
});
