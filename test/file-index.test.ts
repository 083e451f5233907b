import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ASTPath } from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { FileIndex, getFileIndex } from '../src/ast/file-index.ts';
import { applyTransforms } from '../src/engine/context.ts';
import { getJscodeshift, getParserName } from '../src/engine/parsers.ts';
import type { TransformModule } from '../src/types.ts';

const FIXTURES = join(import.meta.dirname, '..', '__testfixtures__');
const inputs = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.input\.[cm]?[jt]sx?$/.test(file))
  .sort();

/** Node types every query of the transforms asks for, and supertypes that cover several. */
const TYPES = ['Node', 'Function', 'Expression', 'CallExpression', 'NewExpression', 'MemberExpression', 'OptionalMemberExpression', 'Identifier', 'VariableDeclarator', 'ImportDeclaration', 'TSInterfaceDeclaration', 'Program', 'Comment'];

function parse(file: string, source: string) {
  const j = getJscodeshift(getParserName(file, source));
  return { j, root: j(source) };
}

describe('FileIndex', () => {
  it.each(inputs)('answers as a walk of the tree does: %s', (file) => {
    const { j, root } = parse(file, readFileSync(join(FIXTURES, file), 'utf8'));
    const index = new FileIndex(j, root.get() as ASTPath);
    for (const type of TYPES) {
      const named = (j as unknown as Record<string, { toString(): string }>)[type] as never;
      expect(index.find(named), type).toStrictEqual(root.find(named).paths());
      // Under every function: the same paths as `j(fn).find(type)`, the function itself left out.
      for (const fn of root.find(j.Function).paths() as ASTPath[]) expect(index.find(named, fn), `${type} under a function`).toStrictEqual(j(fn as never).find(named).paths());
    }
    const filter = { callee: { type: 'Identifier', name: 'setTimeout' } } as never;
    expect(index.find(j.CallExpression, undefined, filter)).toStrictEqual(root.find(j.CallExpression, filter).paths());
  });

  it('finds calls by the name their callee ends with, and identifiers by name', () => {
    const { j, root } = parse('a.ts', 'fetch(a); client.fetch(b); new Foo(); x?.y.fetch(); obj["fetch"](); const fetch2 = fetch;\n');
    const index = new FileIndex(j, root.get() as ASTPath);
    expect(index.callsNamed('fetch').map((path) => j(path).toSource())).toEqual(['fetch(a)', 'client.fetch(b)', 'x?.y.fetch()']);
    expect(index.callsNamed('Foo').map((path) => j(path).toSource())).toEqual(['new Foo()']);
    expect(index.identifiersNamed('fetch')).toHaveLength(4);
  });

  it('is shared while transforms run and rebuilt after each recorded edit; outside a run each call walks anew', () => {
    const { j, root } = parse('a.ts', 'const a = 1;\n');
    expect(getFileIndex(j, root)).not.toBe(getFileIndex(j, root));
    const seen: { before: FileIndex; again: FileIndex; after: FileIndex; count: number }[] = [];
    const editing: TransformModule = {
      meta: { name: 'editing', description: '', mayApply: () => true },
      transform: (ctx) => {
        const before = ctx.index;
        const again = ctx.index;
        const program = before.find(j.Program)[0]?.node as { body: unknown[] };
        program.body.push(j.expressionStatement(j.identifier('b')));
        ctx.edit(before.find(j.Program)[0] as ASTPath, 'added b');
        seen.push({ before, again, after: ctx.index, count: ctx.index.find(j.Identifier).length });
      },
    };
    applyTransforms(j, root, { path: 'a.ts', source: 'const a = 1;\n', typescript: true }, [editing], {});
    const [{ before, again, after, count }] = seen as [(typeof seen)[number]];
    expect(again).toBe(before);
    expect(after).not.toBe(before);
    expect(count).toBe(2);
  });

  it('keeps what a helper derives from the tree until the next edit', () => {
    const { j, root } = parse('a.ts', 'f();\n');
    const index = new FileIndex(j, root.get() as ASTPath);
    let builds = 0;
    const key = root.get() as object;
    expect(index.memo('calls', key, () => ++builds)).toBe(1);
    expect(index.memo('calls', key, () => ++builds)).toBe(1);
    expect(index.memo('other', key, () => ++builds)).toBe(2);
  });
});
