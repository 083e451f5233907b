import type { Collection, JSCodeshift } from 'jscodeshift';
import { getFileIndex } from './file-index.ts';

export type ModuleKind = 'esm' | 'cjs';

/**
 * How a new import has to be written in this file. Undefined when the file gives no clue
 * (a `.js` file with neither imports nor require): adding either could break it.
 */
export function getModuleKind(j: JSCodeshift, root: Collection, path: string): ModuleKind | undefined {
  if (/\.(mjs|mts|ts|tsx)$/i.test(path)) return 'esm';
  if (/\.(cjs|cts)$/i.test(path)) return /\.cts$/i.test(path) ? 'esm' : 'cjs';
  const index = getFileIndex(j, root);
  const program = index.find(j.Program)[0]!.node as { body: { type: string }[] };
  const hasEsm = program.body.some((statement: { type: string }) =>
    ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration'].includes(statement.type),
  );
  if (hasEsm) return 'esm';
  const hasRequire = index.find(j.CallExpression, undefined, { callee: { type: 'Identifier', name: 'require' } }).length > 0;
  const hasExports =
    index.find(j.MemberExpression, undefined, { object: { type: 'Identifier', name: 'module' }, property: { name: 'exports' } }).length > 0 ||
    index.find(j.MemberExpression, undefined, { object: { type: 'Identifier', name: 'exports' } }).length > 0;
  return hasRequire || hasExports ? 'cjs' : undefined;
}
