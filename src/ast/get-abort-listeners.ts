import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { SignalInScope } from '../scope/get-signal-in-scope.ts';
import { isSignalExpression } from './get-signal-holders.ts';

type Node = any;

/**
 * The listeners `functionPath` (nested functions included) registers for the signal's 'abort'
 * event: `signal.addEventListener('abort', fn)`, `signal.onabort = fn` and
 * `addAbortListener(signal, fn)` (node:events), on the signal or one of its `aliases`.
 */
export function getAbortListeners(
  j: JSCodeshift,
  functionPath: ASTPath,
  signal: Pick<SignalInScope, 'binding' | 'property'>,
  aliases: ReadonlySet<string>,
): Node[] {
  const isSignal = (node: Node) => isSignalExpression(node, signal, aliases);
  const listeners: Node[] = [];
  j(functionPath)
    .find(j.CallExpression)
    .forEach((path) => {
      const { callee, arguments: args } = path.node as Node;
      const method = getMethodName(callee);
      if (method === 'addEventListener' && isSignal(callee.object) && isAbortEvent(args[0]) && args[1]) listeners.push(args[1]);
      const isAddAbortListener = method === 'addAbortListener' || (callee.type === 'Identifier' && callee.name === 'addAbortListener');
      if (isAddAbortListener && isSignal(args[0]) && args[1]) listeners.push(args[1]);
    });
  j(functionPath)
    .find(j.AssignmentExpression)
    .forEach((path) => {
      const { left, right } = path.node as Node;
      if (getMethodName(left) === 'onabort' && isSignal(left.object)) listeners.push(right);
    });
  return listeners;
}

function getMethodName(node: Node): string | undefined {
  const isMember = node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression';
  return isMember && !node.computed && node.property.type === 'Identifier' ? node.property.name : undefined;
}

function isAbortEvent(node: Node): boolean {
  return (node?.type === 'StringLiteral' || node?.type === 'Literal') && node.value === 'abort';
}
