import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { SignalInScope } from '../scope/get-signal-in-scope.ts';
import { getAbortListeners } from './get-abort-listeners.ts';
import { getSignalHolders } from './get-signal-holders.ts';
import { isWithin } from './is-within.ts';

type Node = any;

const FUNCTION_TYPES = new Set(['ArrowFunctionExpression', 'FunctionExpression']);

/**
 * Whether `site` runs in an 'abort' listener of the signal in scope: inline, or a local function
 * the listener names (`function onAbort() {}`, `const onAbort = () => ...`, `onAbort = () => ...`).
 * The signal has already aborted there: a call given it fails at once.
 */
export function isInAbortListener(j: JSCodeshift, site: ASTPath, signal: SignalInScope): boolean {
  const { aliases } = getSignalHolders(j, signal.functionPath, signal);
  const listeners = getAbortListeners(j, signal.functionPath, signal, aliases);
  if (listeners.length === 0) return false;
  const bodies = listeners.flatMap((listener) => (listener.type === 'Identifier' ? getNamedFunctions(j, signal.functionPath, listener.name) : [listener]));
  return isWithin(site, bodies);
}

/** The functions `name` is bound to in the signal's function: declared, or assigned. */
function getNamedFunctions(j: JSCodeshift, functionPath: ASTPath, name: string): Node[] {
  const found: Node[] = [];
  j(functionPath)
    .find(j.FunctionDeclaration, { id: { name } })
    .forEach((path) => found.push(path.node));
  j(functionPath)
    .find(j.VariableDeclarator, { id: { type: 'Identifier', name } })
    .forEach((path) => {
      const init = (path.node as Node).init;
      if (init && FUNCTION_TYPES.has(init.type)) found.push(init);
    });
  j(functionPath)
    .find(j.AssignmentExpression, { left: { type: 'Identifier', name } })
    .forEach((path) => {
      const right = (path.node as Node).right;
      if (FUNCTION_TYPES.has(right.type)) found.push(right);
    });
  return found;
}
