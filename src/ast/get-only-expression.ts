type Node = any;

/** The expression of an arrow's expression body or of a block holding one expression statement. */
export function getOnlyExpression(body: Node): Node | undefined {
  if (body.type !== 'BlockStatement') return body;
  if (body.body.length !== 1) return undefined;
  const statement = body.body[0];
  if (statement.type === 'ExpressionStatement') return statement.expression;
  if (statement.type === 'ReturnStatement') return statement.argument ?? undefined;
  return undefined;
}
