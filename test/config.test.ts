/**
 * User configuration: loadConfig on temp dirs, and --config through the built bin (`npm test`
 * builds first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyConfig, ConfigError, getConfiguredTransforms, getTransformNames, loadConfig, parseConfig, type CatalogEntry } from '../src/index.ts';
import { ctxmod, tempDir, writeProject } from './helpers.ts';

const KNOWN = getTransformNames().join(', ');

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
      signal: { position: { kind: 'index', index: 1 }, property: 'signal', stringIsEncoding: true, callbackLast: true, fillUndefined: true, requestFirst: true, acceptsNull: true },
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

  it('is looked up from cwd upward: the nearest config file or package.json "ctxmod" key', async () => {
    const dir = project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'ctxmod.config.json': { targetNode: '20' },
      'packages/a/package.json': { name: 'a' },
      'packages/a/src/x.ts': '',
      'packages/b/package.json': { name: 'b', ctxmod: { targetNode: '18' } },
      'packages/b/src/y.ts': '',
    });
    // A package.json without the key does not stop the search.
    expect(await loadConfig(join(dir, 'packages/a/src'))).toEqual({ path: join(dir, 'ctxmod.config.json'), config: { targetNode: '>=20.0.0', catalog: [] } });
    expect(await loadConfig(join(dir, 'packages/b/src'))).toEqual({ path: join(dir, 'packages/b/package.json'), config: { targetNode: '>=18.0.0', catalog: [] } });
  });

  it('stops at the repository root', async () => {
    const dir = project({ 'ctxmod.config.json': { targetNode: '20' }, 'repo/.git': 'gitdir: elsewhere\n', 'repo/src/x.ts': '' });
    expect(await loadConfig(join(dir, 'repo/src'))).toBeUndefined();
  });

  it('an invalid config found above names it from cwd', async () => {
    const dir = project({ '.git/HEAD': '', 'ctxmod.config.json': { targetNode: 'latest' }, 'src/x.ts': '' });
    const error = await configError(join(dir, 'src'));
    expect(error.message).toBe('../ctxmod.config.json: targetNode: expected a Node version or semver range such as "18.17" or ">=20", got the string "latest"');
  });

  it('paths in a config found above are relative to its directory', async () => {
    const dir = project({
      '.git/HEAD': '',
      'ctxmod.config.json': { ignore: ['gen/**', '!keep/**', '/abs/**'], thread: { carrier: 'ctx', contextType: 'Ctx', contextImport: './types/ctx' } },
      'src/x.ts': '',
    });
    const loaded = await loadConfig(join(dir, 'src'));
    expect(loaded?.config.ignore).toEqual([`${dir}/gen/**`, `!${dir}/keep/**`, '/abs/**']);
    expect(loaded?.config.thread?.contextImport).toBe('../types/ctx');
    // In its own directory, nothing is rewritten.
    expect((await loadConfig(dir))?.config.ignore).toEqual(['gen/**', '!keep/**', '/abs/**']);
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
    expect(error.message).toBe('ctxmod.config.json: (top level): unknown key "catalogue" (allowed: "$schema", "transforms", "ignore", "includeTests", "targetNode", "thread", "catalog", "rules")');
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

describe('transforms, ignore, targetNode and thread', () => {
  const parse = (data: unknown) => parseConfig(data);
  const problems = (data: unknown) => {
    try {
      parseConfig(data, 'c.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).message.split('\n');
    }
    throw new Error('expected a ConfigError');
  };

  it('accepts every key, normalizing targetNode to a range', () => {
    const config = parse({
      transforms: { disable: ['abortable-sleep'] },
      ignore: ['**/*.test.ts'],
      includeTests: true,
      targetNode: '18.17',
      thread: { carrier: 'options', paramName: 'abortSignal' },
      catalog: [],
    });
    expect(config).toEqual({
      transforms: { disable: ['abortable-sleep'] },
      ignore: ['**/*.test.ts'],
      includeTests: true,
      targetNode: '>=18.17.0',
      thread: { carrier: 'options', paramName: 'abortSignal' },
      catalog: [],
    });
    expect(parse({ transforms: ['forward-signal'] }).transforms).toEqual(['forward-signal']);
    expect(parse({ transforms: { enable: ['abortable-sleep'] } }).transforms).toEqual({ enable: ['abortable-sleep'] });
    expect(parse({ targetNode: '>=20 <23' }).targetNode).toBe('>=20.0.0 <23.0.0-0');
  });

  it('a transform selection leaves the named transforms in canonical order', () => {
    expect(getConfiguredTransforms(undefined)).toEqual(getTransformNames());
    expect(getConfiguredTransforms(['abortable-sleep', 'forward-signal'])).toEqual(['forward-signal', 'abortable-sleep']);
    expect(getConfiguredTransforms({ enable: ['abortable-sleep'] })).toEqual(['abortable-sleep']);
    expect(getConfiguredTransforms({ disable: ['abortable-sleep'] })).toEqual(getTransformNames().filter((name) => name !== 'abortable-sleep'));
  });

  it('names the key and what is allowed for each wrong value', () => {
    expect(problems({ transforms: ['forward-signal', 'sleepy'] })).toEqual([
      `c.json: transforms[1]: unknown transform "sleepy" (known: ${KNOWN})`,
    ]);
    expect(problems({ transforms: { disable: ['nope'] } })).toEqual([
      `c.json: transforms.disable[0]: unknown transform "nope" (known: ${KNOWN})`,
    ]);
    expect(problems({ transforms: { enable: [], disable: [] } })).toEqual([
      'c.json: transforms: expected a list of transform names, { "enable": [...] } or { "disable": [...] }, got an object',
    ]);
    expect(problems({ transforms: 'forward-signal' })).toEqual([
      'c.json: transforms: expected a list of transform names, { "enable": [...] } or { "disable": [...] }, got the string "forward-signal"',
    ]);
    expect(problems({ ignore: 'dist' })).toEqual(['c.json: ignore: expected an array, got the string "dist"']);
    expect(problems({ ignore: [''] })).toEqual(['c.json: ignore[0]: expected a non-empty string']);
    expect(problems({ includeTests: 'yes' })).toEqual(['c.json: includeTests: expected a boolean, got the string "yes"']);
    expect(problems({ targetNode: 'latest' })).toEqual([
      'c.json: targetNode: expected a Node version or semver range such as "18.17" or ">=20", got the string "latest"',
    ]);
    expect(problems({ targetNode: 18 })).toEqual(['c.json: targetNode: expected a string, got number 18']);
    expect(problems({ thread: { carrier: 'param', paramName: 'my signal', from: 'callers', depth: 2 } })).toEqual([
      'c.json: thread.carrier: expected one of "signal", "options", "ctx", got the string "param"',
      'c.json: thread.paramName: expected a JavaScript identifier such as "signal"',
      'c.json: thread.from: expected one of "sources", "sinks", got the string "callers"',
      'c.json: thread: unknown key "depth" (allowed: "carrier", "paramName", "contextType", "contextImport", "roots", "from")',
    ]);
    expect(problems({ thread: { carrier: 'ctx', contextType: 'app.Context', contextImport: '', roots: [{ type: 'Ctx' }, { function: 'main', signal: 'x' }, { name: 'x', signal: 'y' }] } })).toEqual([
      'c.json: thread.contextType: expected a JavaScript identifier such as "Context"',
      'c.json: thread.contextImport: expected a non-empty string',
      'c.json: thread.roots[0].signal: missing: expected a string',
      'c.json: thread.roots[2]: expected { "type": "<parameter type>", "signal": "$.signal" } or { "function": "<name>", "signal": "<expression>" }, got an object',
    ]);
  });

  it('applyConfig: the caller wins; ignore globs and catalog entries add up', () => {
    const config = parse({ transforms: ['abortable-sleep'], ignore: ['a/**'], targetNode: '16', thread: { carrier: 'options', paramName: 'c' }, catalog: [ACME_ENTRY] });
    const own = parseConfig({ catalog: [{ ...ACME_ENTRY, module: '@acme/own' }] }).catalog[0] as CatalogEntry;
    expect(applyConfig({ ignore: ['b/**'], transformOptions: { catalog: [own], thread: { paramName: 'signal' } } }, config)).toEqual({
      transforms: ['abortable-sleep'],
      ignore: ['a/**', 'b/**'],
      transformOptions: {
        catalog: [{ ...ACME_ENTRY, since: 'user config' }, own],
        targetNode: '>=16.0.0',
        thread: { carrier: 'options', paramName: 'signal' },
      },
    });
    const explicit = applyConfig({ transforms: ['forward-signal'], transformOptions: { targetNode: '>=20.0.0' } }, config);
    expect(explicit.transforms).toEqual(['forward-signal']);
    expect(explicit.transformOptions?.targetNode).toBe('>=20.0.0');
    expect(applyConfig({}, undefined)).toEqual({ transforms: getTransformNames() });
    const tests = parse({ includeTests: true });
    const unset: { includeTests?: boolean } = {};
    expect(applyConfig(unset, tests).includeTests).toBe(true);
    expect(applyConfig({ includeTests: false }, tests).includeTests).toBe(false);
  });
});

describe('config keys through the CLI (flags override the file)', () => {
  const SLEEP = 'export async function poll(signal: AbortSignal) {\n  await new Promise((r) => setTimeout(r, 100));\n}\n';
  const FETCH = 'export async function get(url: string, signal: AbortSignal) {\n  return fetch(url);\n}\n';
  const changed = (stdout: string) =>
    (JSON.parse(stdout) as { files: { path: string; status: string; edits: { transform: string; consequence?: boolean }[] }[] }).files
      .filter((file) => file.status === 'changed')
      // The fixes; an import a sleep rewrite added is an entry of its own, a consequence.
      .map((file) => `${file.path}: ${file.edits.filter((edit) => !edit.consequence).map((edit) => edit.transform).join(',')}`);

  it('transforms selects what migrate runs; run <names> overrides it', () => {
    const dir = project({ 'src/both.ts': SLEEP + FETCH, 'ctxmod.config.json': { transforms: { disable: ['abortable-sleep'] } } });
    const migrated = ctxmod(['migrate', 'src', '--dry', '--json'], dir);
    expect(migrated.status).toBe(0);
    expect(changed(migrated.stdout)).toEqual(['src/both.ts: forward-signal']);
    const ran = ctxmod(['run', 'abortable-sleep', 'src', '--dry', '--json'], dir);
    expect(changed(ran.stdout)).toEqual(['src/both.ts: abortable-sleep']);
  });

  it('ignore globs from the file add up with --ignore', () => {
    const dir = project({ 'src/a.ts': SLEEP, 'src/gen/b.ts': SLEEP, 'src/c.ts': SLEEP, 'package.json': { ctxmod: { ignore: ['src/gen/**'] } } });
    expect(changed(ctxmod(['migrate', 'src', '--dry', '--json'], dir).stdout)).toEqual(['src/a.ts: abortable-sleep', 'src/c.ts: abortable-sleep']);
    expect(changed(ctxmod(['migrate', 'src', '--dry', '--json', '--ignore', 'src/c.ts'], dir).stdout)).toEqual(['src/a.ts: abortable-sleep']);
  });

  it('a config found above cwd applies, its ignore globs relative to it', () => {
    const dir = project({
      '.git/HEAD': '',
      'ctxmod.config.json': { ignore: ['pkg/src/gen/**'], transforms: ['abortable-sleep'] },
      'pkg/src/a.ts': SLEEP + FETCH,
      'pkg/src/gen/b.ts': SLEEP,
    });
    const result = ctxmod(['migrate', 'src', '--dry', '--json'], join(dir, 'pkg'));
    expect(result.status).toBe(0);
    expect(changed(result.stdout)).toEqual(['src/a.ts: abortable-sleep']);
  });

  it('an invalid targetNode exits 2 naming file, key and what is allowed', () => {
    const dir = project({ 'a.ts': SLEEP, 'ctxmod.config.json': { targetNode: 'garbage' } });
    const bad = ctxmod(['migrate', '.', '--dry'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'ctxmod: ctxmod.config.json: targetNode: expected a Node version or semver range such as "18.17" or ">=20", got the string "garbage"\n',
    );
  });

  it('an unknown transform in the file exits 2, naming file, key and the known transforms', () => {
    const dir = project({ 'a.ts': SLEEP, 'ctxmod.config.json': { transforms: ['abortable-sleep', 'sleep'] } });
    const result = ctxmod(['migrate', '.'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`ctxmod: ctxmod.config.json: transforms[1]: unknown transform "sleep" (known: ${KNOWN})\n`);
    expect(readFileSync(join(dir, 'a.ts'), 'utf8')).toBe(SLEEP);
  });
});
