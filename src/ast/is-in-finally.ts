import type { ASTPath } from 'jscodeshift';
import { isFunctionNode } from './get-enclosing-functions.ts';

type Node = any;

/**
 * True when `path` runs as cleanup of its function: inside a `finally` block, or in a callback
 * given to `.finally()`. Cleanup must run when the work was aborted, so it must not get the
 * signal that aborted it (Go code uses `context.WithoutCancel` for the same reason).
 */
export function isInFinally(path: ASTPath): boolean {
  let child: Node = path.node;
  for (let current = path.parentPath as ASTPath | null; current; current = current.parentPath) {
    const node = current.node as Node;
    if (node?.type === 'TryStatement' && node.finalizer === child) return true;
    if (node && isFunctionNode(node)) {
      const call = current.parentPath?.node as Node;
      const callee = call?.type === 'CallExpression' && call.arguments.includes(node) ? call.callee : undefined;
      return (callee?.type === 'MemberExpression' || callee?.type === 'OptionalMemberExpression') && !callee.computed && callee.property?.name === 'finally';
    }
    if (node && !Array.isArray(node)) child = node;
  }
  return false;
}
