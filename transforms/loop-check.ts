import type { ASTPath } from 'jscodeshift';
import { getEnclosingFunctions, isFunctionNode } from '../src/ast/get-enclosing-functions.ts';
import { parseStatement } from '../src/ast/parse-snippet.ts';
import { createJscodeshiftTransform } from '../src/engine/adapter.ts';
import { getFeatureSupport } from '../src/runtime/features.ts';
import { getSignalInScope, mayHaveSignal, type SignalInScope } from '../src/scope/get-signal-in-scope.ts';
import type { TransformContext, TransformMeta } from '../src/types.ts';

type Node = any;

export const meta: TransformMeta = {
  name: 'loop-check',
  description: 'Add signal.throwIfAborted() at the top of awaiting loops in async functions with a signal in scope',
  // A loop is only checked with a signal in scope.
  mayApply: (source) => mayHaveSignal(source) && source.includes('await') && (source.includes('for') || source.includes('while')),
  rule: 'loop-without-check',
};

const MESSAGES = {
  check: (statement: string) => `loop awaits without looking at the signal: added \`${statement}\``,
  unsupported: (signal: string, reason: string) =>
    `loop awaits without looking at the signal, but no check was added: ${reason}; test ${signal}.aborted by hand`,
} as const;

const LOOP_TYPES = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

/** A loop that needs a check, and the signal to check. */
interface UncheckedLoop {
  readonly path: ASTPath;
  readonly signal: SignalInScope;
}

export function transform(ctx: TransformContext): void {
  // Decide for every loop first, then edit: a check added to an inner loop must not change
  // what the outer loop is judged on, or a second run would differ from the first.
  const loops: UncheckedLoop[] = [];
  ctx.root.find(ctx.j.Node).forEach((path) => {
    if (!LOOP_TYPES.has((path.node as Node).type)) return;
    const loop = getUncheckedLoop(ctx, path as ASTPath);
    if (loop) loops.push(loop);
  });
  for (const loop of loops) {
    const check = getCheckText(ctx, loop.signal);
    if (check.kind === 'unsupported') {
      ctx.manual(loop.path, MESSAGES.unsupported(loop.signal.expression, check.reason));
      continue;
    }
    insertFirst(ctx, loop.path, check.text);
    ctx.edit(loop.path, MESSAGES.check(check.text));
  }
}

export default createJscodeshiftTransform({ meta, transform });

function getUncheckedLoop(ctx: TransformContext, path: ASTPath): UncheckedLoop | undefined {
  const loop = path.node as Node;
  const [functionPath] = getEnclosingFunctions(path);
  if (!functionPath || !(functionPath.node as Node).async) return undefined;
  const isForAwait = loop.type === 'ForOfStatement' && loop.await;
  if (!isForAwait && !awaitsEachIteration(loop)) return undefined;
  const signal = getSignalInScope(ctx.j, ctx.root, path);
  if (!signal) return undefined;
  // `for await (const x of on(emitter, 'data', { signal }))`: the iterator already stops on abort.
  if (looksAtSignal(loop, signal, loop)) return undefined;
  return { path, signal };
}

/**
 * The body, the test (`while (await queue.more())`) and the update run on every iteration; the
 * `for` init and the iterated expression of `for...of` run once.
 */
function awaitsEachIteration(loop: Node): boolean {
  return [loop.body, loop.test, loop.update].some(awaitsOutsideNestedScopes);
}

/**
 * True when `node` awaits in the loop's own iterations: not inside a nested function (which
 * awaits on its own schedule) and not inside a nested loop that awaits (which gets a check of its
 * own, so the outer loop's iterations are covered only if it awaits itself).
 */
function awaitsOutsideNestedScopes(node: Node): boolean {
  if (!node || typeof node !== 'object') return false;
  if (node.type === 'AwaitExpression') return true;
  if (node.type === 'ForOfStatement' && node.await) return false;
  if (isFunctionNode(node) || node.type === 'ClassBody') return false;
  if (LOOP_TYPES.has(node.type)) return false;
  return someChild(node, awaitsOutsideNestedScopes);
}

/**
 * Any read of the signal in the loop (its head or body, closures included), except inside a
 * nested loop that awaits: that loop is judged, and checked, on its own. A loop that passes the
 * signal to a call or reads `signal.aborted` already reacts to abort in the way its author chose.
 */
function looksAtSignal(node: Node, signal: SignalInScope, loop: Node): boolean {
  if (!node || typeof node !== 'object') return false;
  if (node !== loop && LOOP_TYPES.has(node.type) && (node.await || awaitsEachIteration(node))) return false;
  if (isSignalReference(node, signal)) return true;
  return someChild(node, (child) => looksAtSignal(child, signal, loop));
}

function isSignalReference(node: Node, signal: SignalInScope): boolean {
  if (signal.property === undefined) return node.type === 'Identifier' && node.name === signal.binding;
  return (
    (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') &&
    !node.computed &&
    node.object.type === 'Identifier' &&
    node.object.name === signal.binding &&
    node.property.type === 'Identifier' &&
    node.property.name === signal.property
  );
}

function someChild(node: Node, test: (child: Node) => boolean): boolean {
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'tokens' || key === 'comments' || key === 'typeAnnotation') continue;
    const value = node[key];
    if (Array.isArray(value) ? value.some((item) => item && typeof item === 'object' && test(item)) : value && typeof value === 'object' && value.type && test(value)) {
      return true;
    }
  }
  return false;
}

type CheckText = { readonly kind: 'ok'; readonly text: string } | { readonly kind: 'unsupported'; readonly reason: string };

/**
 * `signal.throwIfAborted();`, or `signal?.throwIfAborted();` for a signal that may be undefined
 * (no signal, nothing to check: the same as `if (signal?.aborted) throw signal.reason`, shorter).
 * A target Node without `throwIfAborted` gets a report, not a spelled-out check: `throw
 * signal.reason` needs `reason`, itself missing before Node 16.14/17.2 and reported to stay
 * undefined after a plain `abort()` on early 16.x releases; `throw undefined` stops nothing cleanly.
 */
function getCheckText(ctx: TransformContext, signal: SignalInScope): CheckText {
  const support = getFeatureSupport(ctx.options, 'signal.throwIfAborted');
  if (!support.supported) return { kind: 'unsupported', reason: support.reason as string };
  return { kind: 'ok', text: `${signal.expression}${signal.mayBeUndefined ? '?.' : '.'}throwIfAborted();` };
}

/** The check as the body's first statement; a single-statement body (or `;`) becomes a block. */
function insertFirst(ctx: TransformContext, path: ASTPath, text: string): void {
  const loop = path.node as Node;
  const check = parseStatement(ctx.j, text);
  if (loop.body.type === 'BlockStatement') {
    loop.body.body.unshift(check);
    return;
  }
  loop.body = ctx.j.blockStatement(loop.body.type === 'EmptyStatement' ? [check] : [check, loop.body]);
}
