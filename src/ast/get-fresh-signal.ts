import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { isFunctionNode } from './get-enclosing-functions.ts';
import { isGlobalReference } from './is-global-reference.ts';

type Node = any;

/** What makes a signal new at a site, for messages. */
export type FreshSignal = { readonly kind: 'timeout' | 'any' | 'controller' };

/**
 * A signal made here rather than received: `AbortSignal.timeout(...)`, `AbortSignal.any([...])`,
 * `c.signal` of a controller the enclosing function creates, or a `const` holding one of these.
 * Undefined for anything else (a parameter, a field, a call's result).
 */
export function getFreshSignal(j: JSCodeshift, site: ASTPath, value: Node, depth = 0): FreshSignal | undefined {
  const node = unwrap(value);
  if (node?.type === 'CallExpression' && isAbortSignalMember(site, node.callee, ['timeout', 'any'])) {
    return { kind: node.callee.property.name === 'timeout' ? 'timeout' : 'any' };
  }
  if (node?.type === 'MemberExpression' && !node.computed && node.property.name === 'signal' && node.object.type === 'Identifier') {
    const init = getLocalConstInit(site, node.object.name);
    return init?.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === 'AbortController' && isGlobalReference(site, 'AbortController')
      ? { kind: 'controller' }
      : undefined;
  }
  if (node?.type === 'Identifier' && depth === 0) {
    const init = getLocalConstInit(site, node.name);
    return init ? getFreshSignal(j, site, init, depth + 1) : undefined;
  }
  return undefined;
}

function unwrap(node: Node): Node {
  let current = node;
  while (current && (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'ParenthesizedExpression')) {
    current = current.expression;
  }
  return current;
}

function isAbortSignalMember(site: ASTPath, callee: Node, names: readonly string[]): boolean {
  return (
    callee?.type === 'MemberExpression' &&
    !callee.computed &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'AbortSignal' &&
    names.includes(callee.property.name) &&
    isGlobalReference(site, 'AbortSignal')
  );
}

/**
 * The initialiser of `name` as seen from `site` when it is one `const` (or a `let` never
 * reassigned is not tracked: only `const`) declared in a function, not at module level: a
 * module-level controller is shared state, not a signal made for this call.
 */
function getLocalConstInit(site: ASTPath, name: string): Node | undefined {
  const scope = (site as Node).scope?.lookup(name);
  if (!scope || !isFunctionNode(scope.node)) return undefined;
  const bindings: ASTPath[] = scope.getBindings()[name] ?? [];
  if (bindings.length !== 1) return undefined;
  const declarator = bindings[0]!.parentPath?.node as Node;
  const declaration = bindings[0]!.parentPath?.parentPath?.parentPath?.node as Node;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id !== bindings[0]!.node) return undefined;
  if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') return undefined;
  return declarator.init ?? undefined;
}
