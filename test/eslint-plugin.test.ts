import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { getRuleHelpUri, RULES } from '../src/check/rules.ts';
import { parseConfig } from '../src/config.ts';
import { getTransform, transforms } from '../src/registry.ts';
import plugin, { rules } from '../src/eslint-plugin/index.ts';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const REPO = join(import.meta.dirname, '..');
const FIXTURES = join(import.meta.dirname, 'check-fixtures');
// Inside the repository: the nearest package.json (ctxmod's own, Node >= 20.19) decides the target, as for `ctxmod check`.
const TS = join(REPO, 'src/example.ts');
const JS = join(REPO, 'src/example.js');

const ts = new RuleTester({ languageOptions: { parser: tseslint.parser } });
// espree, ESLint's default parser.
const js = new RuleTester();

const rule = (id: string) => rules[id]!;

describe('autofix: an edit whose transform changes nothing but what an abort does', () => {
  ts.run('unforwarded-signal (typescript-eslint parser)', rule('unforwarded-signal'), {
    valid: [
      { filename: TS, code: 'export async function f(signal: AbortSignal) {\n  return fetch("/x", { signal });\n}\n' },
      // A suppression of `ctxmod check` binds the plugin too.
      { filename: TS, code: 'export async function f(signal: AbortSignal) {\n  // ctxmod-ignore-next-line unforwarded-signal\n  return fetch("/x");\n}\n' },
      // Another rule's sites are not this rule's.
      { filename: TS, code: 'export async function f(signal: AbortSignal) {\n  await new Promise((resolve) => setTimeout(resolve, 10));\n}\n' },
    ],
    invalid: [
      {
        filename: TS,
        code: 'export async function f(signal: AbortSignal) {\n  const a = await fetch("/a");\n  const b = await fetch("/b", {});\n  return [a, b];\n}\n',
        // Sites with edits of their own are fixed one by one, in one pass.
        output: 'export async function f(signal: AbortSignal) {\n  const a = await fetch("/a", { signal });\n  const b = await fetch("/b", { signal });\n  return [a, b];\n}\n',
        errors: [
          { message: 'A signal in scope is not passed to a signal-aware call (fix: passes signal to fetch())', line: 2, column: 19 },
          { message: 'A signal in scope is not passed to a signal-aware call (fix: passes signal to fetch())', line: 3, column: 19 },
        ],
      },
    ],
  });

  js.run('unforwarded-signal (espree)', rule('unforwarded-signal'), {
    valid: [{ filename: JS, code: 'export async function f(signal) {\n  return fetch("/x", { signal });\n}\n' }],
    invalid: [
      {
        filename: JS,
        code: 'export async function f({ signal }) {\r\n  return fetch("/x");\r\n}\r\n',
        // CRLF kept: the fix is in ESLint's own text.
        output: 'export async function f({ signal }) {\r\n  return fetch("/x", { signal });\r\n}\r\n',
        errors: [{ message: 'A signal in scope is not passed to a signal-aware call (fix: passes signal to fetch())', line: 2, column: 10 }],
      },
    ],
  });

  const sleeps = (between = '') =>
    'export async function f(signal: AbortSignal) {\n' +
    '  await new Promise((resolve) => setTimeout(resolve, 10));\n' +
    between +
    '  await new Promise((resolve) => setTimeout(resolve, 20));\n' +
    '}\n';
  ts.run("sleep-without-signal: sites sharing an import get the transform's whole edit, which leaves a suppressed site as it is", rule('sleep-without-signal'), {
    valid: [],
    invalid: [
      {
        filename: TS,
        code: sleeps(),
        output:
          "import { setTimeout as sleep } from 'node:timers/promises';\n" +
          '\n' +
          'export async function f(signal: AbortSignal) {\n' +
          '  await sleep(10, undefined, { signal });\n' +
          '  await sleep(20, undefined, { signal });\n' +
          '}\n',
        errors: [
          { messageId: 'problem', line: 2, column: 9 },
          { messageId: 'problem', line: 3, column: 9 },
        ],
      },
      {
        filename: TS,
        code: sleeps('  // ctxmod-ignore-next-line sleep-without-signal -- must finish\n'),
        output:
          "import { setTimeout as sleep } from 'node:timers/promises';\n" +
          '\n' +
          'export async function f(signal: AbortSignal) {\n' +
          '  await sleep(10, undefined, { signal });\n' +
          '  // ctxmod-ignore-next-line sleep-without-signal -- must finish\n' +
          '  await new Promise((resolve) => setTimeout(resolve, 20));\n' +
          '}\n',
        errors: [{ messageId: 'problem', line: 2, column: 9 }],
      },
    ],
  });
});

describe('suggestion: an edit whose transform documents another behaviour change', () => {
  ts.run('loop-without-check', rule('loop-without-check'), {
    valid: [{ filename: TS, code: 'export async function f(rows: string[]) {\n  for (const row of rows) await save(row);\n}\ndeclare function save(row: string): Promise<void>;\n' }],
    invalid: [
      {
        filename: TS,
        code: 'declare function save(row: string): Promise<void>;\nexport async function f(rows: string[], signal: AbortSignal) {\n  for (const row of rows) {\n    await save(row);\n  }\n}\n',
        output: null,
        errors: [
          {
            message:
              'An async loop with a signal in scope never checks it (fix: loop awaits without looking at the signal: added `signal.throwIfAborted();`)',
            line: 3,
            column: 3,
            suggestions: [
              {
                desc: 'Apply loop-check; review it: an aborted loop throws signal.reason at its next iteration instead of running to its end',
                output:
                  'declare function save(row: string): Promise<void>;\nexport async function f(rows: string[], signal: AbortSignal) {\n  for (const row of rows) {\n    signal.throwIfAborted();\n    await save(row);\n  }\n}\n',
              },
            ],
          },
        ],
      },
    ],
  });
});

// A spread Request: request-spread has no fix, and forward-signal leaves the call to a human.
const SPREAD = "export async function proxy(request: Request, token: string) {\n  return fetch('https://upstream.example.com', { ...request, headers: { authorization: token } });\n}\n";
const spreadCase = (message: string, column: number) => ({ filename: TS, code: SPREAD, output: null, errors: [{ message, line: 2, column, suggestions: [] }] });

describe('no fix: a rule no transform fixes, and a site left for a human', () => {
  ts.run('request-spread', rule('request-spread'), {
    valid: [{ filename: TS, code: 'export async function proxy(request: Request) {\n  return fetch(new Request(request));\n}\n' }],
    invalid: [
      spreadCase(
        'An object spread of a Fetch Request, which copies none of its properties (its signal included): { ...request } loses its signal, method, headers and body (prototype getters do not spread); pass request itself (`new Request(request, init)`) or read what you need',
        50,
      ),
    ],
  });
  ts.run('unforwarded-signal, manual site', rule('unforwarded-signal'), {
    valid: [],
    invalid: [
      spreadCase(
        'A signal in scope is not passed to a signal-aware call: fetch(): `request` is a Request: its properties (its signal among them) do not spread; pass request.signal by hand',
        10,
      ),
    ],
  });
});

describe('the plugin', () => {
  it('has every check rule but missing-signal-chain, each documented by its rule doc in the repository', () => {
    expect(Object.keys(rules)).toEqual(RULES.map((rule) => rule.id).filter((id) => id !== 'missing-signal-chain'));
    for (const [id, module] of Object.entries(rules)) {
      expect(module.meta?.docs?.url).toBe(`https://github.com/ctxmod/ctxmod/blob/main/docs/rules/${id}.md`);
      expect(module.meta?.docs?.url).toBe(getRuleHelpUri(id));
      expect(existsSync(join(REPO, 'docs/rules', `${id}.md`))).toBe(true);
    }
    expect(plugin.meta.name).toBe('ctxmod');
  });

  it('is the package entry point ctxmod/eslint-plugin (built)', async () => {
    // A specifier in a variable: the type check must not depend on a build (CI type-checks first).
    const specifier = 'ctxmod/eslint-plugin';
    const entry = (await import(specifier)) as { default: typeof plugin };
    expect(Object.keys(entry.default.rules)).toEqual(Object.keys(rules));
    expect(Object.keys(entry.default.configs.recommended.rules ?? {})).toEqual(Object.keys(plugin.configs.recommended.rules ?? {}));
  });

  it('fixes where the transform changes nothing but what an abort does, suggests where its doc lists a behaviour change, as the plugin doc says', () => {
    const doc = readFileSync(join(REPO, 'docs/eslint-plugin.md'), 'utf8');
    const listed = (kind: string) => [...(new RegExp(`\\*\\*${kind}\\*\\*[^]*?\\.\\n`).exec(doc)?.[0] ?? '').matchAll(/`([a-z-]+)`/g)].map((match) => match[1]).filter((name) => getTransform(name!));
    expect(listed('Autofix')).toEqual(transforms.filter((module) => !module.meta.behaviourChange).map((module) => module.meta.name));
    expect(listed('Suggestion')).toEqual(transforms.filter((module) => module.meta.behaviourChange).map((module) => module.meta.name));
  });

  it('recommended: errors and warnings of check as error and warn, info rules off', () => {
    expect(plugin.configs.recommended).toEqual({
      name: 'ctxmod/recommended',
      plugins: { ctxmod: plugin },
      rules: {
        'ctxmod/unforwarded-signal': 'error',
        'ctxmod/sleep-without-signal': 'warn',
        'ctxmod/race-without-cancel': 'error',
        'ctxmod/uncleared-timer': 'warn',
        'ctxmod/replaced-signal': 'error',
        'ctxmod/replaced-instance-signal': 'warn',
        'ctxmod/controller-timeout': 'off',
        'ctxmod/http-timeout-event': 'error',
        'ctxmod/client-timeout-ignores-signal': 'warn',
        'ctxmod/loop-without-check': 'warn',
        'ctxmod/once-without-signal': 'warn',
        'ctxmod/hand-linked-signals': 'warn',
        'ctxmod/abort-listener-leak': 'warn',
        'ctxmod/aborted-signal-reused': 'warn',
        'ctxmod/request-spread': 'warn',
        'ctxmod/non-cancellable-call': 'off',
      },
    });
  });

  it('reports a file ctxmod cannot parse once, not once per rule, where its parser stops', () => {
    const linter = new Linter({ cwd: REPO });
    // typescript-eslint's parser leaves a redeclaration to the type checker; ctxmod's (babel) rejects it.
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, { ...plugin.configs.recommended, files: ['**/*.ts'] }];
    const messages = linter.verify('export async function f(signal: AbortSignal) {\n  return fetch("/x");\n}\nlet x = 1;\nlet x = 2;\n', config, { filename: TS });
    expect(messages.map(({ message, line, column }) => ({ message, line, column }))).toEqual([
      { message: "ctxmod did not check this file: Identifier 'x' has already been declared.", line: 5, column: 5 },
    ]);
  });

  it('says so when a file is too large to check, as check does', () => {
    const linter = new Linter({ cwd: REPO });
    const code = `export async function f(signal) {\n  return fetch("/x");\n}\n// ${'x'.repeat(2 * 1024 * 1024)}\n`;
    const messages = linter.verify(code, [plugin.configs.recommended], { filename: JS });
    expect(messages.map(({ ruleId, message, line }) => ({ ruleId, message, line }))).toEqual([
      { ruleId: 'ctxmod/unforwarded-signal', message: 'ctxmod did not check this file: larger than 2 MiB', line: 1 },
    ]);
  });

  it('takes settings.ctxmod as ctxmod.config.json: the target Node decides, as for check', () => {
    const linter = new Linter({ cwd: REPO });
    const code =
      // A timer never cleared: where AbortSignal.timeout is too new for the target, a leak to report.
      'export async function f(url, signal) {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), 1000);\n' +
      '  return await fetch(url, { signal: controller.signal });\n}\n';
    const all = Object.fromEntries(Object.keys(rules).map((id) => [`ctxmod/${id}`, 'warn'] as const));
    const lint = (settings: Record<string, unknown>) =>
      linter.verify(code, [{ plugins: { ctxmod: plugin }, rules: all, settings }], { filename: JS }).map(({ ruleId, line, message }) => `${line} ${ruleId}: ${message}`);
    expect(lint({})).toEqual([
      '3 ctxmod/controller-timeout: An AbortController aborted by setTimeout, where AbortSignal.timeout/any fits (fix: the controller aborted by a timer is now `const timeoutSignal = signal ? AbortSignal.any([signal, AbortSignal.timeout(1000)]) : AbortSignal.timeout(1000)`)',
    ]);
    expect(lint({ ctxmod: { targetNode: '>=14.0.0' } })).toEqual([
      '3 ctxmod/uncleared-timer: A timeout timer is never cleared: a controller aborted by a timer: AbortSignal.timeout needs Node >=17.3.0 || ^16.14.0; the target is Node >=14.0.0; left as it is',
      "4 ctxmod/replaced-signal: A fresh signal takes the place of the caller's, so the caller's abort never reaches the call: controller.signal replaces signal, so the caller's abort never reaches this call; AbortSignal.any needs Node >=20.3.0 || ^18.17.0; the target is Node >=14.0.0: combine them by hand",
    ]);
  });

  it('sees a package.json edited, created or deleted while the process lives (an editor, eslint_d)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctxmod-eslint-'));
    try {
      mkdirSync(join(dir, 'src'));
      const file = join(dir, 'src/example.js');
      const manifest = join(dir, 'package.json');
      const code =
        'export async function f(url, signal) {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), 1000);\n' +
        '  return await fetch(url, { signal: controller.signal });\n}\n';
      const linter = new Linter({ cwd: dir });
      const lint = () =>
        linter
          .verify(code, [{ plugins: { ctxmod: plugin }, rules: { 'ctxmod/controller-timeout': 'warn', 'ctxmod/uncleared-timer': 'warn' } }], { filename: file })
          .map(({ message }) => message);
      const fits = 'An AbortController aborted by setTimeout, where AbortSignal.timeout/any fits (fix: the controller aborted by a timer is now `const timeoutSignal = signal ? AbortSignal.any([signal, AbortSignal.timeout(1000)]) : AbortSignal.timeout(1000)`)';
      const tooOld = (target: string) =>
        `A timeout timer is never cleared: a controller aborted by a timer: AbortSignal.timeout needs Node >=17.3.0 || ^16.14.0; the target is Node ${target}; left as it is`;
      writeFileSync(manifest, JSON.stringify({ engines: { node: '>=14.0.0' } }));
      expect(lint()).toEqual([tooOld('>=14.0.0')]);
      // Edited in place, same size: the mtime tells.
      writeFileSync(manifest, JSON.stringify({ engines: { node: '>=22.0.0' } }));
      utimesSync(manifest, new Date(2030, 0, 1), new Date(2030, 0, 1));
      expect(lint()).toEqual([fits]);
      // A package.json nearer the file, created after the first lints.
      writeFileSync(join(dir, 'src/package.json'), JSON.stringify({ engines: { node: '>=12.0.0' } }));
      expect(lint()).toEqual([tooOld('>=12.0.0')]);
      rmSync(join(dir, 'src/package.json'));
      expect(lint()).toEqual([fits]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads settings.ctxmod as ctxmod.config.json and says where it is wrong', () => {
    const linter = new Linter({ cwd: REPO });
    const config = [{ ...plugin.configs.recommended, settings: { ctxmod: { catalog: 'no' } } }];
    expect(() => linter.verify('export async function f(signal) {\n  return fetch("/x");\n}\n', config, { filename: JS })).toThrow(/settings\.ctxmod/);
  });
});

/**
 * One detector of record: on every `test/check-fixtures` case the plugin reports what `ctxmod
 * check` reports there (`<case>.diagnostics.txt`), at the same place with the same message;
 * `.ts` files through typescript-eslint's parser, `.js` through espree.
 */
describe('the plugin reports what ctxmod check reports', () => {
  const cases = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'missing-signal-chain')
    .flatMap((entry) =>
      readdirSync(join(FIXTURES, entry.name))
        .filter((file) => /\.(ts|js)$/.test(file))
        .map((file) => join(entry.name, file)),
    );
  it.each(cases)('%s', (name) => {
    const path = join(FIXTURES, name);
    const base = path.replace(/\.[a-z]+$/, '');
    const fixtureConfig = existsSync(`${base}.config.json`) ? parseConfig(JSON.parse(readFileSync(`${base}.config.json`, 'utf8'))) : undefined;
    const levels = fixtureConfig?.rules;
    const on = Object.fromEntries(Object.keys(rules).map((id) => [`ctxmod/${id}`, levels?.[id] === 'off' ? 'off' : 'warn'] as const));
    const linter = new Linter({ cwd: FIXTURES });
    const config = [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      // The fixture's target Node, as `settings.ctxmod` gives it to the plugin.
      { files: ['**/*.ts', '**/*.js'], plugins: { ctxmod: plugin }, rules: on, ...(fixtureConfig?.targetNode ? { settings: { ctxmod: { targetNode: fixtureConfig.targetNode } } } : {}) },
    ];
    const messages = linter.verify(readFileSync(path, 'utf8'), config, { filename: path });
    const actual = messages.map((message) => `${message.line}:${message.column} ${message.ruleId?.replace('ctxmod/', '')} ${message.message}`);
    const expected = readFileSync(`${base}.diagnostics.txt`, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace(/^(\S+) \S+ /, '$1 '));
    expect(actual).toEqual(expected);
  });
});
