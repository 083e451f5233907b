import type { ASTPath } from 'jscodeshift';

type Node = any;

/** True when `path` is one of `nodes` or lies inside one of them. */
export function isWithin(path: ASTPath, nodes: readonly Node[]): boolean {
  for (let current: ASTPath | null = path; current; current = current.parentPath) {
    if (nodes.includes(current.node)) return true;
  }
  return false;
}
