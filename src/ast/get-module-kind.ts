import type { Collection, JSCodeshift } from 'jscodeshift';

export type ModuleKind = 'esm' | 'cjs';

/**
 * How a new import has to be written in this file. Undefined when the file gives no clue
 * (a `.js` file with neither imports nor require): adding either could break it.
 */
export function getModuleKind(j: JSCodeshift, root: Collection, path: string): ModuleKind | undefined {
  if (/\.(mjs|mts|ts|tsx)$/i.test(path)) return 'esm';
  if (/\.(cjs|cts)$/i.test(path)) return /\.cts$/i.test(path) ? 'esm' : 'cjs';
  const program = root.find(j.Program).get().node;
  const hasEsm = program.body.some((statement: { type: string }) =>
    ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration'].includes(statement.type),
  );
  if (hasEsm) return 'esm';
  const hasRequire = root.find(j.CallExpression, { callee: { type: 'Identifier', name: 'require' } }).size() > 0;
  const hasExports =
    root.find(j.MemberExpression, { object: { type: 'Identifier', name: 'module' }, property: { name: 'exports' } }).size() > 0 ||
    root.find(j.MemberExpression, { object: { type: 'Identifier', name: 'exports' } }).size() > 0;
  return hasRequire || hasExports ? 'cjs' : undefined;
}
