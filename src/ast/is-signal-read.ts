import type { SignalInScope } from '../scope/get-signal-in-scope.ts';

type Node = any;

/** `signal`, or `options.signal` / `options?.signal` / `options.signal!`: a read of the signal in scope. */
export function isSignalExpression(node: Node, signal: Pick<SignalInScope, 'binding' | 'property'>): boolean {
  const bare = node?.type === 'TSNonNullExpression' ? node.expression : node;
  if (signal.property === undefined) return bare?.type === 'Identifier' && bare.name === signal.binding;
  return isMemberOf(bare, signal.property) && bare.object.type === 'Identifier' && bare.object.name === signal.binding;
}

/** `x.name` or `x?.name`, not computed. */
export function isMemberOf(node: Node, name: string): boolean {
  return (
    (node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression') &&
    !node.computed &&
    node.property.type === 'Identifier' &&
    node.property.name === name
  );
}
