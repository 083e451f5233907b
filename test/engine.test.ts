import { describe, expect, it } from 'vitest';
import { getJscodeshift, getParserName } from '../src/engine/parsers.ts';
import { processSource } from '../src/engine/process-source.ts';
import { getDisplayPath, getThreadCount } from '../src/engine/run.ts';
import { normalizeText, restoreText } from '../src/engine/text.ts';
import { transforms } from '../src/registry.ts';
import type { TransformContext } from '../src/types.ts';
import { parseExpression } from '../src/ast/parse-snippet.ts';

const SLEEP = 'await new Promise((r) => setTimeout(r, 10));';

describe('processSource', () => {
  it('does not parse a file no transform can match', () => {
    const result = processSource('a.ts', 'export const x = 1;\n', transforms);
    expect(result).toEqual({ status: 'unchanged', findings: [], parsed: false });
  });

  it('reports a parse error with its 1-based location', () => {
    const result = processSource('a.ts', `// setTimeout Promise\nconst = 1;\n`, transforms);
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ line: 2, column: 7 });
    expect(result.error?.message).toMatch(/^Unexpected token/);
  });

  it('keeps a BOM and CRLF line endings', () => {
    const input = `\uFEFFexport async function f(signal: AbortSignal) {\r\n  ${SLEEP}\r\n}\r\n`;
    const result = processSource('a.ts', input, transforms);
    expect(result.status).toBe('changed');
    expect(result.output).toBe(
      `\uFEFFimport { setTimeout as sleep } from 'node:timers/promises';\r\n\r\nexport async function f(signal: AbortSignal) {\r\n  await sleep(10, undefined, { signal });\r\n}\r\n`,
    );
  });

  it('leaves unrelated code alone when recast would add parentheses', () => {
    const input = [
      'export async function f(signal: AbortSignal, a: number[], b: boolean) {',
      '  const xs = [...b ? a : [], ...await g()];',
      '  if (await g() || b) throw b, a;',
      `  ${SLEEP}`,
      '}',
      'async function g() { return [1]; }',
      '',
    ].join('\n');
    const output = processSource('a.ts', input, transforms).output ?? '';
    expect(output).toContain('const xs = [...b ? a : [], ...await g()];');
    expect(output).toContain('if (await g() || b) throw b, a;');
    expect(output).toContain('await sleep(10, undefined, { signal });');
  });

  it('does not print a file in which no transform recorded an edit', () => {
    // Whatever happened to the tree, only recorded edits justify printing (recast's reprint is not
    // byte-identical for every input).
    const silent = {
      meta: { name: 'silent', description: '', mayApply: () => true },
      transform: ({ j, root }: TransformContext) => {
        root.find(j.Identifier, { name: 'x' }).forEach((path) => {
          path.node.name = 'y';
        });
      },
    };
    expect(processSource('a.js', 'x;\n', [silent])).toMatchObject({ status: 'unchanged', parsed: true });
  });

  it('reports a finding on a node built from a snippet at its nearest position in the input', () => {
    const replace = {
      meta: { name: 'replace', description: '', mayApply: () => true },
      transform: (ctx: TransformContext) => {
        ctx.root.find(ctx.j.Identifier, { name: 'x' }).forEach((path) => {
          path.replace(parseExpression(ctx.j, 'y'));
          ctx.edit(path, 'replaced');
        });
      },
    };
    const result = processSource('a.ts', 'const a = 1;\nf(\n  x);\n', [replace]);
    expect(result.output).toBe('const a = 1;\nf(\n  y);\n');
    // The snippet's own loc says 1:1; the call around it is at 2:1.
    expect(result.findings).toEqual([{ transform: 'replace', kind: 'edit', line: 2, column: 1, message: 'replaced' }]);
  });

  it('turns an exception inside a transform into an internal error for that file', () => {
    const broken = { meta: { name: 'broken', description: '', mayApply: () => true }, transform: () => { throw new Error('boom'); } };
    const result = processSource('a.ts', 'x;\n', [broken]);
    expect(result.status).toBe('error');
    expect(result.error?.message).toMatch(/^internal error \(please report\): Error: boom/);
  });
});

describe('parsers', () => {
  it.each([
    ['a.ts', 'ts'],
    ['a.mts', 'ts'],
    ['a.cts', 'ts'],
    ['a.tsx', 'tsx'],
    ['a.js', 'babel'],
    ['a.jsx', 'babel'],
    ['a.mjs', 'babel'],
    ['a.cjs', 'babel'],
  ])('%s -> %s', (path, parser) => {
    expect(getParserName(path, '')).toBe(parser);
  });

  it('uses the Flow parser only for files with an @flow pragma', () => {
    expect(getParserName('a.js', '// @flow\nconst x: number = 1;\n')).toBe('flow');
    expect(() => getJscodeshift('flow')('// @flow\nconst x: number = 1;\n')).not.toThrow();
  });

  it('parses .ts generics and type assertions that JSX would misread', () => {
    expect(() => getJscodeshift('ts')('const id = <T,>(x: T) => x;\nconst n = <number>value;\n')).not.toThrow();
  });

  it('parses JSX in .tsx and .js', () => {
    expect(() => getJscodeshift('tsx')('const a = <div>{x as number}</div>;\n')).not.toThrow();
    expect(() => getJscodeshift('babel')('const a = <div>{x}</div>;\n')).not.toThrow();
  });

  it('reads `a < b > (c)` in plain JavaScript as comparisons', () => {
    const root = getJscodeshift('babel')('r = a < b > (c);\n');
    expect(root.find(getJscodeshift('babel').CallExpression).size()).toBe(0);
  });
});

describe('text', () => {
  it('parses mixed line endings as LF and gives each line its own ending back; new lines take the majority', () => {
    const raw = 'a\r\nb\nc\r\n';
    const { text, shape } = normalizeText(raw);
    expect(text).toBe('a\nb\nc\n');
    expect(restoreText(text, shape)).toBe(raw);
    expect(restoreText('x\na\nb\ny\nc\n', shape)).toBe('x\r\na\r\nb\ny\r\nc\r\n');
    // A line that replaces another takes its ending.
    expect(restoreText('a\nB\nc\n', shape)).toBe('a\r\nB\nc\r\n');
  });
});

describe('getThreadCount', () => {
  it('stays in one thread for small runs', () => {
    expect(getThreadCount(8, 10)).toBe(1);
  });
  it('never uses more threads than asked for', () => {
    expect(getThreadCount(2, 10_000)).toBe(2);
    expect(getThreadCount(1, 10_000)).toBe(1);
  });
});

describe('getDisplayPath', () => {
  it('is relative inside cwd and absolute outside it', () => {
    expect(getDisplayPath('/work/repo', '/work/repo/src/a.ts')).toBe('src/a.ts');
    expect(getDisplayPath('/work/repo', '/tmp/x/a.ts')).toBe('/tmp/x/a.ts');
    expect(getDisplayPath('/work/repo', '/work/repo-other/a.ts')).toBe('/work/repo-other/a.ts');
  });
});
