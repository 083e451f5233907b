type Node = any;

const WRAPPERS = new Set(['ParenthesizedExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TypeCastExpression']);

/** `(init as RequestInit)`, `options!`, `x satisfies T`: the expression inside, whose value it is. */
export function skipAssertions(node: Node): Node {
  let current = node;
  while (current && WRAPPERS.has(current.type)) current = current.expression;
  return current;
}
