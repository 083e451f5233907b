import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, type CheckReport } from '../src/check/check.ts';
import { getRule, getRuleDocPath, getGitHubUrl, RULES } from '../src/check/rules.ts';
import { parseConfig } from '../src/config.ts';
import { detectors, getTransform, getTransformNames, transforms } from '../src/registry.ts';
import { getSuppressions, isSuppressed } from '../src/check/suppressions.ts';
import { writeProject } from './helpers.ts';

const ROOT = join(import.meta.dirname, 'check-fixtures');
const REPO = join(import.meta.dirname, '..');

/** One line per diagnostic: `line:col severity rule message`. */
export function formatDiagnostics(report: CheckReport): string {
  return report.files
    .flatMap((file) => [
      ...(file.error ? [`error ${file.error.message}`] : []),
      ...file.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`),
    ])
    .join('\n');
}

/**
 * test/check-fixtures/<rule>/<case>.<ext>, with `<case>.diagnostics.txt` next to it: the exact
 * diagnostics of `check` on that file alone (empty for a negative case). Optional
 * `<case>.config.json`: a ctxmod.config.json whose `rules` and `targetNode` apply.
 */
function getCases(rule: string) {
  const dir = join(ROOT, rule);
  return readdirSync(dir)
    .filter((file) => /\.(ts|tsx|js|mjs|cjs)$/.test(file))
    .sort()
    .map((file) => {
      const name = file.replace(/\.[a-z]+$/, '');
      const configPath = join(dir, `${name}.config.json`);
      const config = existsSync(configPath) ? parseConfig(JSON.parse(readFileSync(configPath, 'utf8'))) : undefined;
      return {
        name: file,
        dir,
        file,
        expectedPath: join(dir, `${name}.diagnostics.txt`),
        rules: config?.rules,
        targetNode: config?.targetNode,
      };
    });
}

const ruleDirs = readdirSync(ROOT, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

describe.each(ruleDirs)('check %s', (rule) => {
  it('is a registered rule', () => {
    expect(getRule(rule), `test/check-fixtures/${rule} names no rule of the registry`).toBeDefined();
  });
  const cases = getCases(rule);
  it('has a positive and a negative case', () => {
    const texts = cases.map((fixture) => (existsSync(fixture.expectedPath) ? readFileSync(fixture.expectedPath, 'utf8') : ''));
    expect(texts.some((text) => text.includes(` ${rule} `))).toBe(true);
    expect(texts.some((text) => text.trim() === '')).toBe(true);
  });
  it.each(cases)('$name', async (fixture) => {
    // project: false — the fixtures are single files; missing-signal-chain has its own test over examples/.
    const transformOptions = fixture.targetNode ? { transformOptions: { targetNode: fixture.targetNode } } : {};
    const report = await check({ paths: [fixture.file], cwd: fixture.dir, cpus: 1, project: false, ...(fixture.rules ? { rules: fixture.rules } : {}), ...transformOptions });
    const actual = formatDiagnostics(report);
    if (process.env.UPDATE_CHECK_FIXTURES) writeFileSync(fixture.expectedPath, actual ? `${actual}\n` : '');
    expect(actual).toBe(readFileSync(fixture.expectedPath, 'utf8').trimEnd());
  });
});

describe('rule registry', () => {
  it('names every rule a transform or detector fixes or finds, and has a doc for each rule', () => {
    for (const { meta } of [...transforms, ...detectors]) {
      expect(meta.rule, `${meta.name} has no meta.rule`).toBeDefined();
      expect(getRule(meta.rule as string), `${meta.name}: rule ${meta.rule} is not in src/check/rules.ts`).toBeDefined();
    }
    for (const rule of RULES) expect(existsSync(join(REPO, getRuleDocPath(rule.id))), getRuleDocPath(rule.id)).toBe(true);
  });

  it('check-only detectors are not transforms: migrate, run and list do not know them', () => {
    for (const { meta } of detectors) {
      expect(getTransformNames()).not.toContain(meta.name);
      expect(getTransform(meta.name)).toBeUndefined();
    }
  });

  it('fixedBy names a transform, or one still to come', () => {
    const names = new Set(transforms.map((module) => module.meta.name));
    const planned = new Set(['thread-signal', 'race-timeout', 'abort-timer', 'timeout-option', 'loop-check', 'once-event', 'link-signals']);
    for (const rule of RULES) if (rule.fixedBy) expect(names.has(rule.fixedBy) || planned.has(rule.fixedBy), rule.id).toBe(true);
  });

  it.each([
    ['github:acme/ctxmod', 'https://github.com/acme/ctxmod'],
    ['acme/ctxmod', 'https://github.com/acme/ctxmod'],
    ['git+https://github.com/acme/ctxmod.git', 'https://github.com/acme/ctxmod'],
    ['https://github.com/acme/ctxmod#readme', 'https://github.com/acme/ctxmod'],
    ['https://gitlab.com/acme/ctxmod', undefined],
  ])('repository %s -> %s', (raw, url) => {
    expect(getGitHubUrl(raw)).toBe(url);
  });
});

describe('suppressions', () => {
  it('reads next-line and file-level directives', () => {
    const s = getSuppressions(['// ctxmod-ignore-next-line a, b -- why', 'x', '/* ctxmod-disable c */', '  // ctxmod-ignore-next-line', 'y'].join('\n'));
    expect(isSuppressed(s, 2, 'a')).toBe(true);
    expect(isSuppressed(s, 2, 'b')).toBe(true);
    expect(isSuppressed(s, 2, 'why')).toBe(false);
    expect(isSuppressed(s, 3, 'a')).toBe(false);
    expect(isSuppressed(s, 99, 'c')).toBe(true);
    expect(isSuppressed(s, 5, 'anything')).toBe(true);
  });
});

describe('config rules', () => {
  it('accepts levels per rule', () => {
    expect(parseConfig({ rules: { 'unforwarded-signal': 'warning', 'non-cancellable-call': 'off' } }).rules).toEqual({
      'unforwarded-signal': 'warning',
      'non-cancellable-call': 'off',
    });
  });
  it('names the key of an unknown rule or a bad level', () => {
    expect(() => parseConfig({ rules: { 'no-such-rule': 'error', 'unforwarded-signal': 'fatal' } })).toThrow(
      /rules\["no-such-rule"\]: unknown rule "no-such-rule" \(rules: unforwarded-signal, .*\n.*rules\["unforwarded-signal"\]: expected one of "off", "info", "warning", "error", got the string "fatal"/,
    );
  });
});

describe('missing-signal-chain with the config\'s thread roots', () => {
  it('starts chains at the configured roots', async () => {
    const dir = join(REPO, '__testfixtures__', 'thread-signal', 'configured-roots', 'input');
    const roots = JSON.parse(readFileSync(join(dir, '..', 'options.json'), 'utf8')).roots;
    const run = (thread?: object) =>
      check({ paths: ['src'], cwd: dir, cpus: 1, only: ['missing-signal-chain'], ...(thread ? { transformOptions: { thread } } : {}) }).then(formatDiagnostics);
    // Without them no signal comes from anywhere in the project: there is no chain to report.
    expect(await run()).toBe('');
    expect(await run({ roots })).toBe(
      [
        '7:1 warning missing-signal-chain Cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down (fix: threads `signal` through loadOrder)',
        '8:26 warning missing-signal-chain Cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down (fix: passes `signal` to fetch)',
        '13:10 warning missing-signal-chain Cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down (fix: passes `AbortSignal.timeout(context.getRemainingTimeInMillis() - 500)` to loadOrder)',
        '6:1 warning missing-signal-chain Cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down (fix: threads `signal` through pollOnce)',
        '7:9 warning missing-signal-chain Cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down (fix: passes `signal` to fetch)',
        '12:11 warning missing-signal-chain Cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down (fix: passes `shutdown.signal` to pollOnce)',
      ].join('\n'),
    );
  });
});

describe('missing-signal-chain starts at a real signal', () => {
  /** `path:line:col fix`, one per diagnostic. */
  const run = (name: string, options: { typeLookup?: boolean } = {}) =>
    check({ paths: ['src'], cwd: join(REPO, '__testfixtures__', 'thread-signal', name, 'input'), cpus: 1, only: ['missing-signal-chain'], ...options }).then((report) =>
      report.files.flatMap((file) => file.diagnostics.map((d) => `${file.path}:${d.line}:${d.column} ${d.message.replace(/^.*\(fix: (.*)\)$/, '$1')}`)),
    );

  it('reports nothing in code with no signal source', async () => {
    expect(await run('no-change-no-signal-source')).toEqual([]);
  });

  it('reports no chain whose only source is a Node or Express response (no signal is dropped there)', async () => {
    expect(await run('node-http-handler')).toEqual([]);
    expect(await run('express-handler')).toEqual([]);
  });

  it('takes a spread request body for a body, not for a value with a signal of its own', async () => {
    expect(await run('request-body-spread')).toEqual(['src/client.ts:27:10 passes `request.signal` to post']);
  });

  it('reports options a library call is given that replace the signal of a Request, not options passed to a wrapper', async () => {
    // By name, the chain rule reports the call; with the type lookup, unforwarded-signal reports the
    // same call (the options' type holds a signal), and the chain rule leaves it to it.
    const cwd = join(REPO, '__testfixtures__', 'thread-signal', 'request-signal-replaced', 'input');
    const typed = await check({ paths: ['src'], cwd, cpus: 1, only: ['missing-signal-chain', 'unforwarded-signal'] });
    expect(typed.files.flatMap((file) => file.diagnostics.map((d) => `${file.path}:${d.line}:${d.column} ${d.rule}`))).toEqual(['src/deadline.ts:6:10 unforwarded-signal']);
    expect(await run('request-signal-replaced', { typeLookup: false })).toEqual([
      'src/deadline.ts:6:10 Cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down: `request` carries a signal of its own, which a signal in the options would replace: combine the two with AbortSignal.any() by hand',
    ]);
  });

  it('promises at a sink a root calls directly what migrate does there: a function the project declares gets the signal, a method known only by its type is left to fix by hand', async () => {
    const list = (name: string) =>
      check({ paths: ['src'], cwd: join(REPO, '__testfixtures__', 'thread-signal', name, 'input'), cpus: 1, only: ['missing-signal-chain'] }).then((report) =>
        report.files.flatMap((file) => file.diagnostics.map((d) => `${file.path}:${d.line}:${d.column} ${d.fixable ? 'fixable' : 'by hand'}${d.message.replace(/^.*?does not pass it down/, '')}`)),
      );
    // The fixes are the thread-signal fixture's edits (migrate runs the pass after the per-file transforms).
    expect(await list('root-project-sink')).toEqual([
      'src/batches.ts:16:25 fixable (fix: passes `options?.signal` to this.retrieve)',
      'src/batches.ts:25:13 fixable (fix: passes `options.signal ?? undefined` to sleep)',
      'src/batches.ts:32:9 fixable (fix: passes `signal` to sleep)',
      'src/batches.ts:35:1 fixable (fix: threads `signal` through backoff)',
      'src/batches.ts:36:9 fixable (fix: passes `signal` to sleep)',
      'src/batches.ts:41:9 fixable (fix: passes `signal ?? undefined` to backoff)',
      'src/overloads.ts:11:10 fixable (fix: passes `signal` to download)',
    ]);
    // The catalog sink is unforwarded-signal's; the detached calls and the cached result are no problem;
    // a signal linked to a controller of the function's own, and a method known by its type only, are for a person.
    expect(await list('no-change-root-sinks')).toEqual([
      'src/linked.ts:15:24 by hand: `externalSignal` is handed to linkAbort() with a controller made here, before this call: the function stops its work through that controller, whose signal may be the one to pass; not passed, pass one by hand',
      'src/transport.ts:8:9 by hand: transport.send takes a signal, but is known only by its type (an implementation may ignore it): not passed; pass `signal` by hand if it should stop on abort',
    ]);
  });

  it('reports neither a cached probe nor a wrapper that drops the signal in its RequestInit', async () => {
    expect(await run('no-change-request-init-dropped')).toEqual([]);
    expect((await run('no-change-shared-results')).filter((line) => line.includes('supportsUploads') || line.startsWith('src/shared.ts:42'))).toEqual([]);
  });

  it('follows a chain into a local RequestInit wrapper', async () => {
    // net.ts:7, the fetch that drops `init.signal`, is forward-signal's (unforwarded-signal).
    expect(await run('request-init-wrapper')).toEqual([
      'src/speech.ts:3:1 threads `signal` through download',
      'src/speech.ts:4:26 passes `signal` to fetchWithTimeout',
      'src/speech.ts:8:1 threads `signal` through synthesize',
      'src/speech.ts:9:26 passes `signal` to postJson',
      'src/speech.ts:10:10 passes `signal` to download',
      'src/speech.ts:14:29 passes `request.signal` to synthesize',
    ]);
  });

  it('reports no chain below a function that could not be threaded (used as a value), nor that function itself, a limit of the analysis', async () => {
    expect(await run('no-change-cut-chain')).toEqual([]);
    expect(await run('cut-chain-partly-fed')).toEqual([
      'src/auth.ts:14:1 threads `signal` through discoverMetadata',
      'src/auth.ts:15:26 passes `signal` to fetchWithRetry',
      'src/auth.ts:19:1 threads `signal` through fetchWithRetry',
      'src/auth.ts:21:18 passes `signal` to fetch',
      'src/auth.ts:23:12 passes `signal` to fetch',
      'src/probe.ts:4:26 passes `signal` to discoverMetadata',
    ]);
  });

  it('does not report the options passed as a value, a limit of the analysis (migrate notes it for review)', async () => {
    const dir = writeProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [], lib: ['ES2023', 'DOM'] } }),
      'get.ts': 'export async function get(url: string, init: { method: string }) {\n  return fetch(url, init);\n}\n\nexport async function handle(request: Request) {\n  return get(request.url, { method: "GET" });\n}\n',
    });
    const report = await check({ paths: ['get.ts'], cwd: dir, cpus: 1, only: ['missing-signal-chain'] });
    expect(report.files.flatMap((file) => file.diagnostics)).toEqual([]);
    const { computeThread } = await import('../src/thread/run-thread.ts');
    const planned = [...computeThread({ project: join(dir, 'tsconfig.json') }).files.values()].flatMap((file) => file.findings.map((f) => `${f.line}:${f.column} ${f.message}`));
    expect(planned).toEqual(['2:10 the options are passed as a value: add the signal to them by hand']);
  });

  it('reports the chains below a request, a controller and a timeout signal, not those below a test or with no source above', async () => {
    expect(await run('from-sources')).toEqual([
      'src/client.ts:1:1 threads `signal` through getUser',
      'src/client.ts:2:26 passes `signal` to fetch',
      'src/client.ts:6:1 threads `signal` through getReport',
      'src/client.ts:7:26 passes `signal` to fetch',
      'src/handler.ts:5:30 passes `request.signal` to loadUser',
      'src/handler.ts:8:1 threads `signal` through loadUser',
      'src/handler.ts:9:10 passes `signal` to getUser',
      'src/jobs.ts:3:1 threads `signal` through buildReport',
      'src/jobs.ts:4:10 passes `signal` to getReport',
      'src/jobs.ts:10:10 passes `controller.signal` to buildReport',
      'src/jobs.ts:16:30 passes `signal` to buildReport',
    ]);
  });
});

describe('rule docs', () => {
  /** The two examples under `## Exact condition`: the one reported, then the one not. */
  const getExamples = (rule: string): [string, string] => {
    const doc = readFileSync(join(REPO, getRuleDocPath(rule)), 'utf8');
    const section = doc.slice(doc.indexOf('## Exact condition'));
    const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
    return [blocks[0] ?? '', blocks[1] ?? ''];
  };
  const tsconfig = JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], typeRoots: [join(REPO, 'node_modules', '@types')] },
  });

  it.each(RULES.map((rule) => rule.id))('%s: the true example is reported, the false one is not', async (rule) => {
    const [reported, clean] = getExamples(rule);
    expect(reported, 'two ts examples under ## Exact condition').not.toBe('');
    expect(clean).not.toBe('');
    const dir = writeProject({ 'tsconfig.json': tsconfig, 'true.ts': reported, 'false.ts': clean });
    const run = async (file: string) => (await check({ paths: [file], cwd: dir, cpus: 1, only: [rule] })).files.flatMap((f) => f.diagnostics);
    expect((await run('true.ts')).length).toBeGreaterThan(0);
    expect(await run('false.ts')).toEqual([]);
  });
});
