import { isFunctionNode } from './get-enclosing-functions.ts';

type Node = any;

/**
 * Calls `visit` with every node of `root` and the chain of nodes above it (outermost first),
 * without entering nested functions: what runs as part of `root` itself (a function's body, or a
 * listener's). `root` may be a function: its own body is walked.
 */
export function walkOwnNodes(root: Node, visit: (node: Node, ancestors: readonly Node[]) => void): void {
  const walk = (node: Node, ancestors: Node[]) => {
    if (!node || typeof node.type !== 'string') return;
    if (ancestors.length > 0 && isFunctionNode(node)) return;
    visit(node, ancestors);
    const inner = [...ancestors, node];
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'tokens' || key === 'comments' || key === 'typeAnnotation' || key === 'returnType') continue;
      const value = node[key];
      if (Array.isArray(value)) for (const item of value) walk(item, inner);
      else if (value && typeof value === 'object') walk(value, inner);
    }
  };
  walk(root, []);
}
