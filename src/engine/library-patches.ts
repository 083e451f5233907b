import type { JSCodeshift } from 'jscodeshift';
// The module jscodeshift prints with (recast is deduplicated: same version range).
import fastPath from 'recast/lib/fast-path.js';

type FastPath = { getNode(): { type: string }; getParentNode(): { type: string } | null; getName(): unknown };

/** Operands that recast parenthesizes inside a spread although the grammar does not need it. */
const SPREAD_SAFE = new Set([
  'AwaitExpression',
  'YieldExpression',
  'AssignmentExpression',
  'ConditionalExpression',
  'BinaryExpression',
  'LogicalExpression',
]);

type Parent = { type: string; operator?: string };
type Expression = { type: string; expression?: { type: string; extra?: { parenthesized?: boolean } } };

function isNeedlesslyParenthesized(node: Expression, parent: Parent, name: unknown): boolean {
  // `() => ({ a: 1 }) as const`: the object's own parentheses already keep the body from reading
  // as a block. recast wants the whole body parenthesized, finds no such parentheses in the source
  // and reprints the statement around it, however far from any edit.
  if ((node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') && parent.type === 'ArrowFunctionExpression' && name === 'body') {
    return node.expression?.type === 'ObjectExpression' && node.expression.extra?.parenthesized === true;
  }
  // A spread's operand is an AssignmentExpression.
  if ((parent.type === 'SpreadElement' || parent.type === 'SpreadProperty') && name === 'argument') {
    return SPREAD_SAFE.has(node.type);
  }
  // `await` binds like a unary operator: `!await x`, `await a || b`, `await a ?? b` are what they
  // look like. Only the base of `**` cannot be unary.
  if (node.type === 'AwaitExpression') {
    if (parent.type === 'UnaryExpression') return true;
    if (parent.type === 'BinaryExpression' || parent.type === 'LogicalExpression') {
      return !(parent.operator === '**' && name === 'left');
    }
  }
  // `throw a, b` throws b: the grammar takes a full Expression there.
  return node.type === 'SequenceExpression' && parent.type === 'ThrowStatement';
}

let patched = false;
/** How many calls of `withLibraryFixes` are running: the patched methods behave as the originals otherwise. */
let active = 0;

/**
 * Runs `fn` with the fixes below in effect. The patches replace methods on recast's and ast-types'
 * prototypes, which every user of those modules in the process shares (an API caller's own
 * jscodeshift code): outside ctxmod's own transforming and printing, they defer to the originals.
 */
export function withLibraryFixes<T>(fn: () => T): T {
  active++;
  try {
    return fn();
  } finally {
    active--;
  }
}

/**
 * recast puts parentheses around `...a ? b : c`, `...await x`, `await a || b`, `throw a, b`,
 * `() => ({ a: 1 }) as const` whenever it prints the enclosing node, although the grammar needs none. Printing a file
 * in which a transform changed one line would otherwise add parentheses to unrelated lines.
 * Idempotent; applied before any printing, in effect inside `withLibraryFixes`.
 */
export function patchRecast(): void {
  if (patched) return;
  patched = true;
  type FastPathClass = { prototype: FastPath & { needsParens(assume?: boolean): boolean } };
  // Node's ESM loader hands over module.exports; Babel's interop (jscodeshift's runner) its default.
  const loaded = fastPath as unknown as FastPathClass | { default: FastPathClass };
  const FastPath = 'default' in loaded ? loaded.default : loaded;
  const original = FastPath.prototype.needsParens;
  FastPath.prototype.needsParens = function needsParens(this: FastPath, assumeExpressionContext?: boolean): boolean {
    const node = this.getNode() as { type: string; extra?: { parenthesized?: boolean } };
    const parent = this.getParentNode();
    if (active > 0 && parent && !node.extra?.parenthesized && isNeedlesslyParenthesized(node, parent as Parent, this.getName())) return false;
    return original.call(this, assumeExpressionContext);
  };
}

type Scope = { node?: { type: string; param?: unknown }; didScan?: boolean; bindings: Record<string, unknown> };
const patchedScopes = new WeakSet<object>();

/**
 * ast-types (0.16) throws `null does not match type Pattern` when it scans the scope of a
 * `catch {}` without a binding (ES2019): any scope lookup from inside one crashed the transform.
 * Such a clause binds nothing, so its scan is made a no-op. The Scope class is not exported:
 * it is taken from a parsed program of the jscodeshift instance in use. In effect inside
 * `withLibraryFixes`.
 */
export function patchAstTypesScope(j: JSCodeshift): void {
  const ScopeClass = (j('x;').find(j.Program).get() as { scope: { constructor: { prototype: object } } }).scope.constructor;
  if (patchedScopes.has(ScopeClass)) return;
  patchedScopes.add(ScopeClass);
  const prototype = ScopeClass.prototype as { scan(this: Scope, force?: boolean): void };
  const original = prototype.scan;
  prototype.scan = function scan(this: Scope, force?: boolean): void {
    if (active > 0 && this.node?.type === 'CatchClause' && this.node.param == null) {
      for (const name of Object.keys(this.bindings)) delete this.bindings[name];
      this.didScan = true;
      return;
    }
    original.call(this, force);
  };
}
