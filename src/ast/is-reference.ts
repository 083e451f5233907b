import type { ASTPath } from 'jscodeshift';
import { isFunctionNode } from './get-enclosing-functions.ts';

type Node = any;

/** Identifiers that read a binding: not property keys, member names, or the declaration itself. */
export function isReference(path: ASTPath): boolean {
  const parent = path.parentPath?.node as Node;
  const node = path.node;
  if (!parent) return false;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return false;
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === node && !parent.shorthand) return false;
  if (parent.type === 'VariableDeclarator' && parent.id === node) return false;
  if (isFunctionNode(parent) && (parent.id === node || parent.params.includes(node))) return false;
  if (parent.type.startsWith('TS') || parent.type.startsWith('Class') || parent.type === 'ImportSpecifier') return false;
  return true;
}
