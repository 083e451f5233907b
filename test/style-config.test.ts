import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getArrowParens, getIndentUnit } from '../src/engine/print-options.ts';
import { run } from '../src/engine/run.ts';
import { createStyleCache, getStyleForFile } from '../src/engine/style-config.ts';
import { writeProject } from './helpers.ts';

const PRETTIER_DEFAULTS = { quote: 'double', semicolons: true, useTabs: false, indentWidth: 2, arrowParens: 'always' };
const BIOME_DEFAULTS = { ...PRETTIER_DEFAULTS, useTabs: true };

function styleOf(files: Record<string, string>, file = 'src/a.ts') {
  const dir = writeProject({ ...files, [file]: '' });
  const cache = createStyleCache();
  return { style: getStyleForFile(join(dir, file), cache), notes: [...cache.notes.values()].map((note) => note.replace(dir, '<dir>')) };
}

describe('getStyleForFile', () => {
  it('is undefined without any config', () => {
    expect(styleOf({}).style).toBeUndefined();
  });

  it('reads .prettierrc as JSON or as YAML, over Prettier defaults', () => {
    expect(styleOf({ '.prettierrc': '{ "singleQuote": true, "semi": false, "useTabs": true, "tabWidth": 4, "arrowParens": "avoid" }' }).style).toEqual({
      quote: 'single',
      semicolons: false,
      useTabs: true,
      indentWidth: 4,
      arrowParens: 'avoid',
    });
    expect(styleOf({ '.prettierrc': '# style\nsingleQuote: true\nsemi: false # no\n' }).style).toEqual({ ...PRETTIER_DEFAULTS, quote: 'single', semicolons: false });
    expect(styleOf({ '.prettierrc.yaml': "---\nsingleQuote: 'true'\narrowParens: avoid\n" }).style).toEqual({ ...PRETTIER_DEFAULTS, arrowParens: 'avoid' });
  });

  it('reads the prettier key of package.json, and passes over a package.json without one', () => {
    expect(styleOf({ 'package.json': '{ "prettier": { "semi": false } }' }).style).toEqual({ ...PRETTIER_DEFAULTS, semicolons: false });
    expect(styleOf({ 'package.json': '{ "prettier": { "semi": false } }', 'src/package.json': '{ "name": "a" }' }).style).toEqual({ ...PRETTIER_DEFAULTS, semicolons: false });
  });

  it('reads a JS or TS config that exports one object literal, without running it', () => {
    expect(styleOf({ 'prettier.config.mjs': "/** @type {import('prettier').Config} */\nexport default { singleQuote: true, plugins: [import('x')] };\n" }).style).toEqual({
      ...PRETTIER_DEFAULTS,
      quote: 'single',
    });
    expect(styleOf({ '.prettierrc.cjs': 'const config = { semi: false };\nmodule.exports = config;\n' }).style).toEqual({ ...PRETTIER_DEFAULTS, semicolons: false });
    expect(styleOf({ 'prettier.config.ts': "import type { Config } from 'prettier';\nexport default { useTabs: true } satisfies Config;\n" }).style).toEqual({ ...PRETTIER_DEFAULTS, useTabs: true });
  });

  it('stops at a config it cannot read without running it, and says so', () => {
    const farther = { 'package.json': '{ "prettier": { "semi": false } }' };
    expect(styleOf({ ...farther, 'src/prettier.config.js': "module.exports = { ...require('./base'), semi: true };\n" })).toEqual({
      style: undefined,
      notes: ["<dir>/src/prettier.config.js: a config that is not one object literal: ctxmod would have to run it; new code follows the file's own style"],
    });
    expect(styleOf({ 'src/.prettierrc.yaml': "overrides:\n  - files: '*.ts'\n" }).notes).toEqual([
      "<dir>/src/.prettierrc.yaml: YAML with nesting, which ctxmod does not read; new code follows the file's own style",
    ]);
    expect(styleOf({ 'package.json': '{ "prettier": "@acme/prettier-config" }' }).notes).toEqual([
      "<dir>/package.json: it names a shared config (@acme/prettier-config), which ctxmod does not load; new code follows the file's own style",
    ]);
  });

  it('applies the overrides whose files match', () => {
    const config = JSON.stringify({ semi: false, overrides: [{ files: '*.ts', options: { semi: true } }, { files: 'src/legacy/**', excludeFiles: '**/keep.js', options: { useTabs: true } }] });
    expect(styleOf({ '.prettierrc.json': config }, 'src/a.ts').style).toEqual({ ...PRETTIER_DEFAULTS, semicolons: true });
    expect(styleOf({ '.prettierrc.json': config }, 'src/legacy/b.js').style).toEqual({ ...PRETTIER_DEFAULTS, semicolons: false, useTabs: true });
    expect(styleOf({ '.prettierrc.json': config }, 'src/legacy/keep.js').style).toEqual({ ...PRETTIER_DEFAULTS, semicolons: false });
  });

  it('reads biome.json and biome.jsonc, the JavaScript formatter over the general one', () => {
    const biome = '{\n  // comments are allowed\n  "formatter": { "indentStyle": "space", "indentWidth": 4, },\n  "javascript": { "formatter": { "quoteStyle": "single", "semicolons": "asNeeded", "arrowParentheses": "asNeeded", "indentWidth": 3 } }\n}\n';
    const expected = { ...BIOME_DEFAULTS, useTabs: false, indentWidth: 3, quote: 'single', semicolons: false, arrowParens: 'avoid' };
    expect(styleOf({ 'biome.jsonc': biome }).style).toEqual(expected);
    expect(styleOf({ 'biome.json': '{}' }).style).toEqual(BIOME_DEFAULTS);
    // Its formatter off for JavaScript: Prettier's config beside it is the one.
    expect(styleOf({ 'biome.json': '{ "javascript": { "formatter": { "enabled": false } } }', '.prettierrc': '{ "semi": false }' }).style).toEqual({
      ...PRETTIER_DEFAULTS,
      semicolons: false,
    });
  });

  it('takes the nearest formatter config', () => {
    expect(styleOf({ '.prettierrc': '{ "semi": false }', 'src/biome.json': '{ "javascript": { "formatter": { "quoteStyle": "single" } } }' }).style).toEqual({
      ...BIOME_DEFAULTS,
      quote: 'single',
    });
  });

  it('fills what the formatter config leaves open from .editorconfig, nearest section last, up to root = true', () => {
    const editorconfig = 'root = true\n\n[*]\nindent_style = space\nindent_size = 4\n\n[*.md]\nindent_size = 2\n\n[src/legacy/**.js]\nindent_style = tab\n';
    expect(styleOf({ '.editorconfig': editorconfig }).style).toEqual({ useTabs: false, indentWidth: 4 });
    expect(styleOf({ '.editorconfig': editorconfig }, 'src/legacy/a.js').style).toEqual({ useTabs: true, indentWidth: 4 });
    expect(styleOf({ '.editorconfig': editorconfig, 'src/.editorconfig': '[*.ts]\nindent_size = 8\n' }).style).toEqual({ useTabs: false, indentWidth: 8 });
    // A root file ends the search: the one above it is not read.
    expect(styleOf({ '.editorconfig': editorconfig, 'src/.editorconfig': 'root = true\n[*]\nindent_size = 3\n' }).style).toEqual({ indentWidth: 3 });
    // Prettier's own keys win over it; it wins over Prettier's defaults.
    expect(styleOf({ '.editorconfig': editorconfig, '.prettierrc': '{ "useTabs": true }' }).style).toEqual({ ...PRETTIER_DEFAULTS, useTabs: true, indentWidth: 4 });
  });

  it('reads each directory once per cache', () => {
    const dir = writeProject({ '.prettierrc': '{ "semi": false }', 'src/a.ts': '', 'src/b.ts': '' });
    const cache = createStyleCache();
    getStyleForFile(join(dir, 'src/a.ts'), cache);
    const visited = cache.directories.size;
    getStyleForFile(join(dir, 'src/b.ts'), cache);
    expect(cache.directories.size).toBe(visited);
    expect(cache.directories.get(dir)?.formatter?.path).toBe(join(dir, '.prettierrc'));
  });
});

describe('a run follows the configured style where the file does not show one', () => {
  const SLEEP = 'export async function backoff(signal?: AbortSignal) {\n  await new Promise<void>((resolve) => setTimeout(resolve, 100));\n}\n';

  it('writes the import as the config says', async () => {
    const cwd = writeProject({ '.prettierrc': '{ "semi": false }', 'a.ts': SLEEP.replace(');\n}', ')\n}') });
    const report = await run({ paths: ['.'], cwd, transforms: ['abortable-sleep'], dry: true, cpus: 1 });
    expect(report.files[0]?.diff).toContain('+import { setTimeout as sleep } from "node:timers/promises"\n');
    expect(report.files[0]?.diff).toContain('+  await sleep(100, undefined, { signal })\n');
    expect(report.warnings).toEqual([]);
  });

  it('names a config it could not read, only for files that changed under it', async () => {
    const cwd = writeProject({ 'lib/prettier.config.js': 'module.exports = makeConfig();\n', 'lib/a.ts': SLEEP, 'other/b.ts': SLEEP.replace('setTimeout(resolve, 100)', 'resolve()') });
    const report = await run({ paths: ['.'], cwd, transforms: ['abortable-sleep'], dry: true, cpus: 1 });
    expect(report.files[0]?.diff).toContain("+import { setTimeout as sleep } from 'node:timers/promises';\n");
    expect(report.warnings).toEqual([`${join(cwd, 'lib/prettier.config.js')}: a config that is not one object literal: ctxmod would have to run it; new code follows the file's own style`]);
  });
});


describe('what the file shows wins over the config', () => {
  it('indentation of multi-line snippets: the file step, JSDoc alignment aside, else the config', () => {
    expect(getIndentUnit('/**\n * a\n * b\n */\nfunction f() {\n    if (a) {\n        x();\n    }\n}\n', { indentWidth: 2 })).toBe('    ');
    expect(getIndentUnit('function f() {\n\tx();\n}\n', { useTabs: false })).toBe('\t');
    expect(getIndentUnit('f();\n', { useTabs: true })).toBe('\t');
    expect(getIndentUnit('f();\n', { indentWidth: 4 })).toBe('    ');
    expect(getIndentUnit('f();\n')).toBe('  ');
  });

  it('arrow parentheses: the file majority, else the config, else (x) =>', () => {
    expect(getArrowParens('a.map(x => x);\nb.map((y) => y);\nc.map(z => z);\n', { arrowParens: 'always' })).toBe('avoid');
    expect(getArrowParens('a.map((x) => x);\nb.map((x: T) => x);\n', { arrowParens: 'avoid' })).toBe('always');
    expect(getArrowParens('a.map((x, i) => x);\n', { arrowParens: 'avoid' })).toBe('avoid');
    expect(getArrowParens('a.map((x, i) => x);\n')).toBe('always');
  });
});
