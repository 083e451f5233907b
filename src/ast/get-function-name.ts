import type { ASTPath } from 'jscodeshift';

type Node = any;

/**
 * The name a function is called by: its own id, its method or property key (`#private`
 * included), or the variable it is assigned to. Undefined for anonymous callbacks.
 */
export function getFunctionName(path: ASTPath): string | undefined {
  const node = path.node as Node;
  if (node.id?.type === 'Identifier') return node.id.name;
  if (node.key && !node.computed) return node.key.name ?? node.key.id?.name;
  const parent = path.parentPath?.node as Node;
  if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent?.type === 'ClassProperty' || parent?.type === 'ClassPrivateProperty' || parent?.type === 'ObjectProperty') && parent.value === node && !parent.computed) {
    return parent.key.name ?? parent.key.id?.name;
  }
  return undefined;
}
