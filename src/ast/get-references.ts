import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isFunctionNode } from './get-enclosing-functions.ts';
import { getFileIndex } from './file-index.ts';

type Node = any;

/**
 * Every identifier in the file that refers to the binding `name` as seen from `site` (reads and
 * writes alike), except the declarations themselves. Empty when `name` is not bound at `site`.
 */
export function getBindingReferences(j: JSCodeshift, root: Collection, site: ASTPath, name: string): ASTPath[] {
  const scope = (site as Node).scope?.lookup(name);
  if (!scope) return [];
  const declarations = new Set<Node>(((scope.getBindings()[name] ?? []) as ASTPath[]).map((path) => path.node));
  const found: ASTPath[] = [];
  getFileIndex(j, root).find(j.Identifier, undefined, { name }).forEach((path) => {
    if (declarations.has(path.node) || !isReferenceIdentifier(path)) return;
    if ((path as Node).scope?.lookup(name) === scope) found.push(path);
  });
  return found;
}

/** Identifiers that name a binding: not property keys, member names, labels or type names. */
export function isReferenceIdentifier(path: ASTPath): boolean {
  const parent = path.parentPath?.node as Node;
  const node = path.node;
  if (!parent) return false;
  const isMember = parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression';
  if (isMember && parent.property === node && !parent.computed) return false;
  const isProperty = parent.type === 'ObjectProperty' || parent.type === 'Property' || parent.type === 'ClassProperty' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod';
  if (isProperty && parent.key === node && !parent.computed && !parent.shorthand) return false;
  if (isFunctionNode(parent) && parent.id === node) return false;
  if (parent.type.startsWith('TS') || parent.type === 'ImportSpecifier' || parent.type === 'ExportSpecifier') return false;
  if (parent.type === 'LabeledStatement' || parent.type === 'BreakStatement' || parent.type === 'ContinueStatement') return false;
  return true;
}

/** True when the identifier at `path` is written: `x = ...`, `x += ...`, `x++`, `[x] = ...`. */
export function isWrittenIdentifier(path: ASTPath): boolean {
  let current = path;
  // Walk out of destructuring targets: `({ x } = value)`, `[x] = value`.
  for (;;) {
    const parent = current.parentPath?.node as Node;
    if (!parent) return false;
    if (parent.type === 'AssignmentExpression') return parent.left === current.node;
    if (parent.type === 'UpdateExpression') return true;
    if ((parent.type === 'ForOfStatement' || parent.type === 'ForInStatement') && parent.left === current.node) return true;
    const inPattern =
      parent.type === 'ArrayPattern' ||
      parent.type === 'ObjectPattern' ||
      parent.type === 'RestElement' ||
      (parent.type === 'AssignmentPattern' && parent.left === current.node) ||
      ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.value === current.node);
    if (!inPattern) return false;
    current = current.parentPath as ASTPath;
    // An ObjectProperty sits in the properties array: step over it to the pattern.
    if (Array.isArray(current.value)) current = current.parentPath as ASTPath;
  }
}
