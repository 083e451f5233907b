import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { SignalInScope } from '../scope/get-signal-in-scope.ts';
import { getAbortListeners } from './get-abort-listeners.ts';
import { getSignalHolders } from './get-signal-holders.ts';
import { isWithin } from './is-within.ts';

type Node = any;

const FUNCTION_TYPES = new Set(['ArrowFunctionExpression', 'FunctionExpression']);

/**
 * Whether `site` runs in an 'abort' listener of the signal in scope: inline, a local function the
 * listener names (`function onAbort() {}`, `const onAbort = () => ...`, `onAbort = () => ...`), or a
 * method or function property of the class around it (`this.onAbort`), each also as
 * `<it>.bind(...)`. The signal has already aborted there: a call given it fails at once.
 */
export function isInAbortListener(j: JSCodeshift, site: ASTPath, signal: SignalInScope): boolean {
  const { aliases } = getSignalHolders(j, signal.functionPath, signal);
  const listeners = getAbortListeners(j, signal.functionPath, signal, aliases);
  if (listeners.length === 0) return false;
  const bodies = listeners.flatMap((listener) => {
    const fn = getBoundFunction(listener);
    if (fn.type === 'Identifier') return getNamedFunctions(j, signal.functionPath, fn.name);
    if (isThisMember(fn)) return getClassMembers(site, fn.property.name ?? fn.property.id?.name);
    return [fn];
  });
  return isWithin(site, bodies);
}

/** `fn.bind(thisArg, ...args)` calls `fn`: the function bound, else the listener itself. */
function getBoundFunction(listener: Node): Node {
  const callee = listener?.type === 'CallExpression' ? listener.callee : undefined;
  const isBind = (callee?.type === 'MemberExpression' || callee?.type === 'OptionalMemberExpression') && !callee.computed && callee.property.name === 'bind';
  return isBind ? callee.object : listener;
}

/** `this.onAbort` or `this.#onAbort`. */
function isThisMember(node: Node): boolean {
  return (node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression') && !node.computed && node.object.type === 'ThisExpression';
}

/** The methods and function-valued properties called `name` of the class `site` is in. */
function getClassMembers(site: ASTPath, name: string | undefined): Node[] {
  if (name === undefined) return [];
  let current: ASTPath | null = site.parentPath;
  while (current && (current.node as Node).type !== 'ClassBody') current = current.parentPath;
  const body = current?.node as Node;
  if (!body) return [];
  const found: Node[] = [];
  for (const member of body.body as Node[]) {
    const key = member.key?.name ?? member.key?.id?.name;
    if (member.computed || key !== name) continue;
    if (member.type === 'ClassMethod' || member.type === 'ClassPrivateMethod' || member.type === 'MethodDefinition') found.push(member.value ?? member);
    else if (member.value && FUNCTION_TYPES.has(member.value.type)) found.push(member.value);
  }
  return found;
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
