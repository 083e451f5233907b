import { describe, expect, it } from 'vitest';
import { getJscodeshift, getParserName } from '../src/engine/parsers.ts';
import { processSource } from '../src/engine/process-source.ts';
import { getDisplayPath, getThreadCount } from '../src/engine/run.ts';
import { normalizeText, restoreText } from '../src/engine/text.ts';
import { transforms } from '../src/registry.ts';
import type { TransformContext } from '../src/types.ts';
import { parseExpression, parseStatement } from '../src/ast/parse-snippet.ts';
import { NET_MESSAGES } from '../src/engine/safety-net.ts';
import { getTransform } from '../src/registry.ts';
import type { TransformModule } from '../src/types.ts';

const SLEEP = 'await new Promise((r) => setTimeout(r, 10));';
const sleep = getTransform('abortable-sleep') as TransformModule;
/** A sleep in a loop that also reads `limit` and `signal`. */
const LOOP = [
  'export async function poll(signal: AbortSignal, limit: number) {',
  '  for (let i = 0; i < limit; i++) {',
  '    if (signal.aborted) break;',
  `    ${SLEEP}`,
  '  }',
  '}',
  '',
].join('\n');

function makeTransform(name: string, transform: TransformModule['transform']): TransformModule {
  return { meta: { name, description: '', mayApply: () => true }, transform };
}

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
    // The snippet's own loc says 1:1; the call around it is at 2:1, and spans the edit on line 3.
    expect(result.findings).toEqual([{ transform: 'replace', kind: 'edit', line: 2, column: 1, endLine: 3, message: 'replaced' }]);
  });

  it('an exception in one transform costs only its edits: the others apply and a finding names it', () => {
    const broken = makeTransform('broken', ({ j, root }) => {
      // Half an edit, then a throw: none of it may reach the output.
      root.find(j.Identifier, { name: 'limit' }).forEach((path) => {
        path.node.name = 'max';
      });
      throw new Error('boom');
    });
    const result = processSource('a.ts', LOOP, [broken, sleep]);
    expect(result.status).toBe('changed');
    expect(result.output).toBe(processSource('a.ts', LOOP, [sleep]).output);
    expect(result.output).toContain('await sleep(10, undefined, { signal });');
    expect(result.findings).toContainEqual(
      expect.objectContaining({ transform: 'broken', kind: 'manual', line: 1, column: 1, message: expect.stringMatching(/^internal error in broken \(please report\): Error: boom \(at /) }),
    );
  });

  it('a transform whose edits cannot be printed costs only its edits, not those of a later one that trips on them', () => {
    const unprintable = makeTransform('unprintable', (ctx) => {
      ctx.root.find(ctx.j.Identifier, { name: 'limit' }).at(1).forEach((path) => {
        path.replace({ type: 'NoSuchNode' } as never);
        ctx.edit(path, 'replaced');
      });
    });
    const result = processSource('a.ts', LOOP, [unprintable, sleep]);
    expect(result.output).toBe(processSource('a.ts', LOOP, [sleep]).output);
    expect(result.findings.filter((finding) => finding.transform === 'unprintable')).toEqual([
      expect.objectContaining({ kind: 'manual', message: expect.stringMatching(/^internal error in unprintable \(please report\): /) }),
    ]);
  });
});

describe('safety net', () => {
  const dropped = (problem: string) => `${problem}: none of this transform's edits to the file were written, review this site by hand`;

  it('drops the edits of a transform that renames a declaration but not its references', () => {
    const rename = makeTransform('rename', (ctx) => {
      const param = ctx.root.find(ctx.j.Identifier, { name: 'limit' }).at(0);
      param.forEach((path) => {
        path.node.name = 'max';
        ctx.edit(path, 'renamed');
      });
    });
    const result = processSource('a.ts', LOOP, [rename, sleep]);
    expect(result.output).toBe(processSource('a.ts', LOOP, [sleep]).output);
    expect(result.findings.filter((finding) => finding.transform === 'rename')).toEqual([
      { transform: 'rename', kind: 'manual', line: 2, column: 23, message: dropped('`limit` would no longer refer to its declaration on line 1') },
    ]);
  });

  it('drops the edits of a transform that introduces a declaration shadowing one in use', () => {
    const shadow = makeTransform('shadow', (ctx) => {
      ctx.root.find(ctx.j.ForStatement).forEach((path) => {
        (path.node.body as any).body.unshift(parseStatement(ctx.j, 'const signal = AbortSignal.timeout(1);'));
        ctx.edit(path, 'declared');
      });
    });
    const result = processSource('a.ts', LOOP, [shadow, sleep]);
    expect(result.output).toBe(processSource('a.ts', LOOP, [sleep]).output);
    expect(result.findings.filter((finding) => finding.transform === 'shadow')).toEqual([
      { transform: 'shadow', kind: 'manual', line: 3, column: 9, message: dropped('`signal` would refer to a declaration the edits introduced instead of the one on line 1') },
    ]);
  });

  it('drops the edits of a transform whose output changes a line away from every edit it reports', () => {
    const unreported = makeTransform('unreported', (ctx) => {
      ctx.root.find(ctx.j.NumericLiteral, { value: 0 }).forEach((path) => {
        path.replace(parseExpression(ctx.j, '1'));
      });
      ctx.root.find(ctx.j.AwaitExpression).forEach((path) => ctx.edit(path, 'awaited'));
    });
    const result = processSource('a.ts', LOOP, [unreported, sleep]);
    expect(result.output).toBe(processSource('a.ts', LOOP, [sleep]).output);
    expect(result.findings.filter((finding) => finding.transform === 'unreported')).toEqual([
      { transform: 'unreported', kind: 'manual', line: 2, column: 1, message: dropped('the printer would also rewrite line 2, away from every edit') },
    ]);
  });

  it('keeps a declaration in a block of its own that hides nothing in use', () => {
    const block = makeTransform('block', (ctx) => {
      ctx.root.find(ctx.j.ForStatement).forEach((path) => {
        path.insertBefore(parseStatement(ctx.j, '{ const signal = AbortSignal.timeout(1); void signal; }'));
        ctx.edit(path, 'declared');
      });
    });
    const result = processSource('a.ts', LOOP, [block]);
    expect(result.status).toBe('changed');
    expect(result.output).toContain('const signal = AbortSignal.timeout(1);');
    expect(result.findings.map((finding) => finding.kind)).toEqual(['edit']);
  });

  it('drops the edits of a transform that uses a name not visible where it writes it', () => {
    const source = 'function owner() {\n  const controller = new AbortController();\n  return controller;\n}\nexport function user() {\n  return 1;\n}\n';
    const reach = makeTransform('reach', (ctx) => {
      ctx.root.find(ctx.j.FunctionDeclaration, { id: { name: 'user' } }).forEach((path) => {
        path.node.body.body.unshift(parseStatement(ctx.j, 'controller.abort();'));
        ctx.edit(path, 'aborted');
      });
    });
    const result = processSource('a.js', source, [reach]);
    expect(result).toMatchObject({ status: 'unchanged', findings: [{ transform: 'reach', kind: 'manual', line: 6, message: dropped('the edits use `controller` where no declaration of it is visible') }] });
  });

  it('drops a new node: import in a file that may run outside Node, unless --runtime node', () => {
    const source = "export function show(title) {\n  document.title = title;\n}\n";
    const addImport = makeTransform('add-import', (ctx) => {
      ctx.root.find(ctx.j.Program).forEach((path) => {
        path.node.body.unshift(parseStatement(ctx.j, "import { once } from 'node:events';"));
        ctx.edit(path, 'imported');
      });
    });
    const result = processSource('a.js', source, [addImport]);
    expect(result.status).toBe('unchanged');
    expect(result.findings).toEqual([
      expect.objectContaining({ transform: 'add-import', kind: 'manual', message: dropped(NET_MESSAGES.nodeImport('node:events')) }),
    ]);
    expect(processSource('a.js', source, [addImport], { runtime: 'node' }).status).toBe('changed');
    // Universal code that feels for its runtime is not Node code either; a file that loads a built-in is.
    const universal = "export const isNode = typeof process !== 'undefined';\n";
    expect(processSource('a.js', universal, [addImport]).status).toBe('unchanged');
    expect(processSource('a.js', `import fs from 'node:fs';\n${source}`, [addImport]).status).toBe('changed');
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
