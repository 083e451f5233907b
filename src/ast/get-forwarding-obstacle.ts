import type { ASTPath } from 'jscodeshift';
import type { SignalInScope } from '../scope/get-signal-in-scope.ts';
import { getAbortContract } from './get-abort-contract.ts';
import { getAbortHandledResource } from './get-abort-handled-resource.ts';
import { isFunctionNode } from './get-enclosing-functions.ts';
import { isInFinally } from './is-in-finally.ts';
import { isMemberOf } from './is-signal-read.ts';

type Node = any;

/**
 * Why `site` must not get the signal in scope although it could take it: the code turns aborts
 * into its own error (see getAbortContract), or an 'abort' listener already stops one of
 * `resources`, what the site makes or waits on (see getAbortHandledResource). `no-gain`: the
 * signal would change nothing worth an edit, so the site is left alone without a note.
 */
export type ForwardingObstacle =
  | { readonly kind: 'none' }
  /**
   * `handled`: cancellation works as it is (an 'abort' listener stops the work, or the code ends
   * its own way on abort), so the note is for the migrate review, not a check finding.
   */
  | { readonly kind: 'obstacle'; readonly reason: string; readonly handled: boolean }
  | { readonly kind: 'no-gain' };

const NO_GAIN: ForwardingObstacle = { kind: 'no-gain' };

export function getForwardingObstacle(site: ASTPath, signal: SignalInScope, resources: readonly string[]): ForwardingObstacle {
  // Cleanup runs when the work was aborted: the signal would cut it short.
  if (isInFinally(site)) return NO_GAIN;
  if (isQuietWhileAwaited(site, signal)) return NO_GAIN;
  const contract = getAbortContract(site, signal);
  // The code ends its own way on abort (an error, a return, cleanup): cancellation works as it is,
  // at the latest once the site is done. A catch that sorts or swallows errors stops nothing on
  // abort, unless an 'abort' listener stops the work itself (the more telling reason, then).
  if (contract.kind !== 'none' && contract.kind !== 'error-mapping' && contract.kind !== 'error-swallowed') return { kind: 'obstacle', reason: contract.reason, handled: true };
  const handled = getAbortHandledResource(site, signal, resources);
  if (handled.kind === 'handled') return { kind: 'obstacle', reason: handled.reason, handled: true };
  // A catch that sorts errors would misfile the abort: a finding to fix by hand. One that swallows
  // them makes what an abort should do there a design question: a note, like the thread pass's.
  return contract.kind === 'none' ? { kind: 'none' } : { kind: 'obstacle', reason: contract.reason, handled: contract.kind === 'error-swallowed' };
}

/**
 * `const c = new AbortController(); ... await Promise.race([done, sleep(250)]); c.abort();`: a
 * controller of the function itself that only its own code aborts, outside callbacks, cannot
 * fire while the function waits on the site, so `c.signal` would never stop it (and, given
 * after an abort, would make it reject at once). A controller aborted from a callback, or handed
 * on whole, may fire at any time and is welcome.
 */
function isQuietWhileAwaited(site: ASTPath, signal: SignalInScope): boolean {
  if (signal.origin !== 'local-controller' || signal.property !== 'signal') return false;
  const owner = signal.functionPath.node as Node;
  if (getInnermostFunction(site) !== owner || !isAwaitedOnTheSpot(site)) return false;
  let quiet = true;
  // `nested`: inside a function in the owner, which may run while the owner waits.
  const visit = (node: Node, parent: Node, nested: boolean): void => {
    if (!quiet || !node || typeof node.type !== 'string') return;
    if (node.type === 'Identifier' && node.name === signal.binding && !isDeclarationOrKey(node, parent)) {
      const isSignal = isMemberOf(parent, 'signal') && parent.object === node;
      const isOwnAbort = isMemberOf(parent, 'abort') && parent.object === node && !nested;
      if (!isSignal && !isOwnAbort) quiet = false;
    }
    const inner = nested || isFunctionNode(node);
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'tokens' || key === 'comments' || key === 'typeAnnotation' || key === 'returnType') continue;
      const value = node[key];
      if (Array.isArray(value)) for (const item of value) visit(item, node, inner);
      else if (value && typeof value === 'object') visit(value, node, inner);
    }
  };
  visit(owner.body, owner, false);
  return quiet;
}

function isDeclarationOrKey(node: Node, parent: Node): boolean {
  if (parent?.type === 'VariableDeclarator' && parent.id === node) return true;
  if ((parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return true;
  return (parent?.type === 'ObjectProperty' || parent?.type === 'Property') && parent.key === node && !parent.computed && !parent.shorthand;
}

function getInnermostFunction(path: ASTPath): Node | undefined {
  for (let current = path.parentPath as ASTPath | null; current; current = current.parentPath) {
    if (current.node && isFunctionNode(current.node as Node)) return current.node;
  }
  return undefined;
}

const COMBINATORS = new Set(['race', 'all', 'any', 'allSettled']);

/**
 * The site's promise is awaited in the expression that makes it (`await site`, `await
 * Promise.race([work, site])`, `await site.then(...)`): no code of the function runs while it
 * is pending.
 */
function isAwaitedOnTheSpot(site: ASTPath): boolean {
  let child: Node = site.node;
  for (let current = site.parentPath as ASTPath | null; current; current = current.parentPath) {
    // `.value`: a path's `.node` is the nearest node, which for a list (`elements`) is its owner.
    const node = current.value as Node;
    if (Array.isArray(node)) continue;
    if (node.type === 'AwaitExpression') return true;
    const passesThrough =
      node.type === 'ParenthesizedExpression' ||
      node.type === 'TSAsExpression' ||
      node.type === 'TSNonNullExpression' ||
      (node.type === 'ArrayExpression' && node.elements.includes(child)) ||
      (node.type === 'CallExpression' && node.arguments.includes(child) && isPromiseCombinator(node.callee)) ||
      ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && node.object === child) ||
      ((node.type === 'CallExpression' || node.type === 'OptionalCallExpression') && node.callee === child);
    if (!passesThrough) return false;
    child = node;
  }
  return false;
}

function isPromiseCombinator(callee: Node): boolean {
  return isMemberOf(callee, callee?.property?.name) && callee.object.type === 'Identifier' && callee.object.name === 'Promise' && COMBINATORS.has(callee.property.name);
}
