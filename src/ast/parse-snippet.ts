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
  const statement = program.body[0];
  // A statement that remembers where it came from is spliced in without the line break that
  // should separate it from its neighbours; forgetting only its own position fixes that, and its
  // children still print as written.
  statement.loc = null;
  statement.original = null;
  return statement;
}

export function parseExpression(j: JSCodeshift, text: string): Node {
  // As a call argument, an object literal needs no parentheses that recast would then keep.
  const call = j(`_(${text});`).find(j.Program).get().node.body[0].expression;
  if (call.arguments.length !== 1) throw new Error(`expected one expression in snippet: ${text}`);
  return call.arguments[0];
}
