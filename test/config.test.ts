/**
 * User configuration: loadConfig on temp dirs, and --config through the built bin (`npm test`
 * builds first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/index.ts';
import { ctxmod, tempDir, writeProject } from './helpers.ts';

const ACME_ENTRY = {
  module: '@acme/billing',
  instance: 'new BillingClient',
  path: 'charges.create',
  signal: { position: { kind: 'request-options', optionKeys: ['signal', 'timeout'] }, property: 'signal' },
};

/** A temp project; non-string contents are written as JSON. */
function project(files: Record<string, unknown>): string {
  const texts = Object.fromEntries(
    Object.entries(files).map(([name, content]) => [name, typeof content === 'string' ? content : JSON.stringify(content, null, 2)]),
  );
  return writeProject(texts, tempDir('ctxmod-config-'));
}

/** The ConfigError loadConfig throws (fails the test if it resolves). */
async function configError(cwd: string, explicitPath?: string): Promise<ConfigError> {
  const error: unknown = await loadConfig(cwd, explicitPath).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('loadConfig', () => {
  it('loads ctxmod.config.json, defaulting since', async () => {
    const dir = project({ 'ctxmod.config.json': { $schema: './schema.json', catalog: [ACME_ENTRY] } });
    const loaded = await loadConfig(dir);
    expect(loaded?.path).toBe(join(dir, 'ctxmod.config.json'));
    expect(loaded?.config).toEqual({ $schema: './schema.json', catalog: [{ ...ACME_ENTRY, since: 'user config' }] });
    // Plain data: survives structured cloning (worker threads) unchanged.
    expect(structuredClone(loaded?.config)).toEqual(loaded?.config);
  });

  it('keeps an explicit since and every optional field', async () => {
    const entry = {
      module: 'node:fs',
      path: 'readFile|promises.readFile',
      signal: { position: { kind: 'index', index: 1 }, property: 'signal', stringIsEncoding: true, callbackLast: true, fillUndefined: true },
      since: 'node 15.2',
      notes: 'n',
    };
    const after = { module: 'x', path: '', signal: { position: { kind: 'after-positional', minIndex: 1 }, property: 'request.signal' } };
    const last = { module: '@acme/*', path: '*', instance: 'create', signal: { position: { kind: 'last' }, property: 'abortSignal' } };
    const dir = project({ 'ctxmod.config.json': { catalog: [entry, after, last] } });
    expect((await loadConfig(dir))?.config.catalog).toEqual([entry, { ...after, since: 'user config' }, { ...last, since: 'user config' }]);
  });

  it('loads the "ctxmod" key of package.json', async () => {
    const dir = project({ 'package.json': { name: 'app', ctxmod: { catalog: [ACME_ENTRY] } } });
    const loaded = await loadConfig(dir);
    expect(loaded?.path).toBe(join(dir, 'package.json'));
    expect(loaded?.config.catalog).toEqual([{ ...ACME_ENTRY, since: 'user config' }]);
  });

  it('prefers ctxmod.config.json over package.json', async () => {
    const dir = project({
      'ctxmod.config.json': { catalog: [ACME_ENTRY] },
      'package.json': { name: 'app', ctxmod: { catalog: [{ ...ACME_ENTRY, module: '@other/sdk' }] } },
    });
    const loaded = await loadConfig(dir);
    expect(loaded?.path).toBe(join(dir, 'ctxmod.config.json'));
    expect(loaded?.config.catalog[0]?.module).toBe('@acme/billing');
  });

  it('returns undefined without a config', async () => {
    expect(await loadConfig(project({}))).toBeUndefined();
    expect(await loadConfig(project({ 'package.json': { name: 'app' } }))).toBeUndefined();
  });

  it('an empty config has an empty catalog', async () => {
    expect((await loadConfig(project({ 'ctxmod.config.json': {} })))?.config).toEqual({ catalog: [] });
  });

  it('loads an explicit path relative to cwd, over ctxmod.config.json', async () => {
    const dir = project({
      'ctxmod.config.json': { catalog: [] },
      'other.json': { catalog: [ACME_ENTRY] },
    });
    const loaded = await loadConfig(dir, 'other.json');
    expect(loaded?.path).toBe(join(dir, 'other.json'));
    expect(loaded?.config.catalog).toHaveLength(1);
  });

  it('a missing explicit path is an error naming it', async () => {
    const error = await configError(project({}), 'missing.json');
    expect(error.message).toBe('missing.json: config file not found');
  });

  it('invalid JSON names the file, line and column', async () => {
    const dir = project({ 'ctxmod.config.json': '{\n  "catalog": [],\n}\n' });
    const error = await configError(dir);
    expect(error.message).toMatch(/^ctxmod\.config\.json: invalid JSON: .*\(line 3, column 1\)$/);
  });

  it('invalid JSON in package.json names package.json', async () => {
    const error = await configError(project({ 'package.json': '{ "name": ' }));
    expect(error.message).toMatch(/^package\.json: invalid JSON: /);
  });

  it('an unknown top-level key is an error naming it and the allowed keys', async () => {
    const error = await configError(project({ 'ctxmod.config.json': { catalog: [], catalogue: [] } }));
    expect(error.message).toBe('ctxmod.config.json: (top level): unknown key "catalogue" (allowed: "$schema", "catalog", "rules")');
  });

  it('a bad nested value is an error with the exact path', async () => {
    const bad = { ...ACME_ENTRY, signal: { ...ACME_ENTRY.signal, position: { kind: 'second' } } };
    const error = await configError(project({ 'ctxmod.config.json': { catalog: [ACME_ENTRY, ACME_ENTRY, bad] } }));
    expect(error.message).toBe(
      'ctxmod.config.json: catalog[2].signal.position.kind: expected one of "index", "after-positional", "last", "request-options", got the string "second"',
    );
  });

  it('reports every problem, one line each', async () => {
    const bad = { module: '', path: 3, signal: { position: { kind: 'index', index: -1, extra: true }, property: 'sig nal' } };
    const error = await configError(project({ 'ctxmod.config.json': { catalog: [bad] } }));
    expect(error.message.split('\n')).toEqual([
      'ctxmod.config.json: catalog[0].module: expected a non-empty string',
      'ctxmod.config.json: catalog[0].path: expected a string, got number 3',
      'ctxmod.config.json: catalog[0].signal.position.index: expected a non-negative integer',
      'ctxmod.config.json: catalog[0].signal.position: unknown key "extra" (allowed: "kind", "index")',
      'ctxmod.config.json: catalog[0].signal.property: expected a property name or a dotted path such as "signal" or "request.signal"',
    ]);
  });

  it('a missing required field says so', async () => {
    const { signal: _signal, ...noSignal } = ACME_ENTRY;
    const error = await configError(project({ 'ctxmod.config.json': { catalog: [noSignal] } }));
    expect(error.message).toBe('ctxmod.config.json: catalog[0].signal: missing: expected an object');
  });

  it('paths in package.json start at the "ctxmod" key', async () => {
    const error = await configError(project({ 'package.json': { name: 'app', ctxmod: { catalog: {} } } }));
    expect(error.message).toBe('package.json: ctxmod.catalog: expected an array, got an object');
  });
});

describe('--config through the CLI', () => {
  const SLEEP = 'export async function poll(signal: AbortSignal) {\n  await new Promise((r) => setTimeout(r, 100));\n}\n';

  it('--config missing.json exits 2 and writes nothing', () => {
    const dir = project({ 'a.ts': SLEEP });
    const result = ctxmod(['migrate', '.', '--config', 'missing.json'], dir);
    expect(result.stderr).toBe('ctxmod: missing.json: config file not found\n');
    expect(result.status).toBe(2);
    expect(readFileSync(join(dir, 'a.ts'), 'utf8')).toBe(SLEEP);
  });

  it('an invalid ctxmod.config.json exits 2 with the path, nothing written', () => {
    const dir = project({ 'a.ts': SLEEP, 'ctxmod.config.json': { catalog: [{ ...ACME_ENTRY, signal: { ...ACME_ENTRY.signal, position: { kind: 'x' } } }] } });
    const result = ctxmod(['migrate', '.'], dir);
    expect(result.stderr).toMatch(/^ctxmod: ctxmod\.config\.json: catalog\[0\]\.signal\.position\.kind: expected one of "index"/);
    expect(result.status).toBe(2);
    expect(readFileSync(join(dir, 'a.ts'), 'utf8')).toBe(SLEEP);
  });

  it('a run with a valid config succeeds', () => {
    const dir = project({ 'a.ts': SLEEP, 'sdk.json': { catalog: [ACME_ENTRY] } });
    const found = ctxmod(['migrate', 'a.ts', '--dry', '--json'], project({ 'a.ts': SLEEP, 'ctxmod.config.json': { catalog: [ACME_ENTRY] } }));
    expect(found.status).toBe(0);
    const result = ctxmod(['migrate', '.', '--config', 'sdk.json', '--dry', '--json'], dir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { summary: { changed: number; errors: number } };
    expect(report.summary).toMatchObject({ changed: 1, errors: 0 });
  });

  it('--config needs a value', () => {
    const result = ctxmod(['migrate', '.', '--config'], project({}));
    expect(result.status).toBe(2);
  });
});
