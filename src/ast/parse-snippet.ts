import type { JSCodeshift } from 'jscodeshift';

type Node = any;

/**
 * Nodes parsed from text keep that text: recast prints `{ signal }` as written instead of
 * generically (which would spread a one-property object over three lines). Build new code with
 * these, then put original nodes into the holes so that they keep their own formatting.
 */
export function parseStatement(j: JSCodeshift, text: string): Node {
  const program = j(text).find(j.Program).get().node;
  if (program.body.length !== 1) throw new Error(`expected one statement in snippet: ${text}`);
  return program.body[0];
}

export function parseExpression(j: JSCodeshift, text: string): Node {
  const statement = parseStatement(j, `(${text});`);
  const expression = statement.expression;
  // Drop the parentheses the wrapper added, or recast would print them.
  if (expression.extra) expression.extra = { ...expression.extra, parenthesized: false };
  return expression;
}
