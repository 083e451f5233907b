import type { ASTPath } from 'jscodeshift';
import { isFunctionNode } from '../ast/get-enclosing-functions.ts';

type Node = any;

/**
 * The identifier that declares what the identifier at `path` refers to, or null when nothing in
 * the file declares it (a global). ast-types' scopes are functions, catch clauses and the program:
 * it files a block's `let`, `const` and `class` under the enclosing function. Of the declarations
 * it finds, the one whose block encloses `path` most closely wins; one whose block does not enclose
 * `path` at all is not seen from there, and the search goes on outwards.
 */
export function getDeclaration(path: ASTPath): Node | null {
  const name = (path.node as Node).name as string;
  const ancestors = new Map<Node, number>();
  let depth = 0;
  for (let current: Node = path; current; current = current.parentPath) if (current.node) ancestors.set(current.node, depth++);
  for (let scope = (path as Node).scope?.lookup(name); scope; scope = scope.parent?.lookup(name)) {
    let best: { node: Node; depth: number } | undefined;
    for (const declaration of (scope.getBindings()[name] ?? []) as Node[]) {
      const at = ancestors.get(getDeclaringNode(declaration, scope.node));
      if (at !== undefined && (!best || at < best.depth)) best = { node: declaration.node, depth: at };
    }
    if (best) return best.node;
  }
  return null;
}

/** The node whose extent a declaration is visible in: its block for `let`/`const`/`class`, else its scope's node. */
function getDeclaringNode(declaration: Node, scopeNode: Node): Node {
  for (let current: Node = declaration; current?.node; current = current.parentPath) {
    const node = current.node;
    if (node.type === 'VariableDeclaration') return node.kind === 'var' ? scopeNode : getBlock(current);
    if (node.type === 'ClassDeclaration' && current !== declaration) return getBlock(current);
    // In modules and strict code a function declared in a block is the block's.
    if (node.type === 'FunctionDeclaration' && node.id === declaration.node) return getBlock(current);
    // A parameter, a catch binding, an import, the name of a class or function expression.
    if (isFunctionNode(node) || ['CatchClause', 'Program', 'ClassExpression'].includes(node.type)) return node;
  }
  return scopeNode;
}

/** The statement list (block, program, switch) or loop head a declaration statement at `path` belongs to. */
function getBlock(path: Node): Node {
  const parent = path.parent?.node;
  if (parent?.type === 'SwitchCase') return path.parent.parent?.node ?? parent;
  // `export const x`: the declaration belongs to the export's block.
  if (parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration') return getBlock(path.parent);
  return parent;
}
