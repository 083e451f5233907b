import type { ASTPath } from 'jscodeshift';

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
  'TSDeclareMethod',
]);

export function isFunctionNode(node: { type: string }): boolean {
  return FUNCTION_TYPES.has(node.type);
}

/** The functions around `path`, innermost first. */
export function getEnclosingFunctions(path: ASTPath): ASTPath[] {
  const found: ASTPath[] = [];
  for (let current = path.parentPath as ASTPath | null; current; current = current.parentPath) {
    if (current.node && isFunctionNode(current.node)) found.push(current);
  }
  return found;
}

/** The function nodes around `path`, innermost first, out to `outermost` (included). */
export function getEnclosingFunctionsUpTo(path: ASTPath, outermost: ASTPath): ASTPath['node'][] {
  const found: ASTPath['node'][] = [];
  for (const current of getEnclosingFunctions(path)) {
    found.push(current.node);
    if (current.node === outermost.node) break;
  }
  return found;
}
