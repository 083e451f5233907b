import type { ASTPath } from 'jscodeshift';
import { getCatalogMatcher } from '../src/catalog/get-catalog-matcher.ts';
import type { CallMatch } from '../src/catalog/match.ts';
import { insertSignal } from '../src/catalog/insert-signal.ts';
import { getProperty, getSignalArgument } from '../src/catalog/signal-argument.ts';
import { createJscodeshiftTransform } from '../src/engine/adapter.ts';
import { getResultNames } from '../src/ast/get-abort-handled-resource.ts';
import { isWritingChild } from '../src/ast/is-writing-child.ts';
import { getForwardingObstacle } from '../src/ast/get-forwarding-obstacle.ts';
import { getSinkSignalText } from '../src/ast/get-sink-signal-text.ts';
import { isInAbortListener } from '../src/ast/is-in-abort-listener.ts';
import { isAbortEvent } from '../src/catalog/is-abort-event.ts';
import { isInFinally } from '../src/ast/is-in-finally.ts';
import { getSignalInScope, mayHaveSignal, type SignalInScope } from '../src/scope/get-signal-in-scope.ts';
import type { TransformContext, TransformMeta } from '../src/types.ts';

type Node = any;

export const meta: TransformMeta = {
  name: 'forward-signal',
  description: 'Pass the AbortSignal in scope to every signal-aware call (fetch, axios, fs, child_process, SDKs, ...) that lacks one',
  // No signal in scope without one of these words in the text.
  mayApply: mayHaveSignal,
  rule: 'unforwarded-signal',
};

const MESSAGES = {
  forwarded: (signal: string, callee: string) => `passes ${signal} to ${callee}()`,
  manual: (callee: string, reason: string, signal: string) => `${callee}(): ${reason}; pass ${signal} by hand`,
  kept: (callee: string, signal: string, reason: string) => `${callee}(): ${signal} not passed: ${reason}`,
  aborted: "it runs in an 'abort' listener of that signal, which has already aborted here: the call would fail at once",
  abortWait: "it waits for an 'abort' event: with a signal option, that abort (or the caller's) would reject the wait instead of ending it",
  writingChild: 'the child only takes data from this process (its stdin is written, its output never read): killed on abort, it would cut that write short',
} as const;

export function transform(ctx: TransformContext): void {
  const matcher = getCatalogMatcher(ctx);
  ctx.index.find(ctx.j.CallExpression).forEach((path) => {
    const match = matcher.getMatch(path);
    // A file read is short local work: left alone (see `local` in the catalog).
    if (!match || match.entry.local || isInFinally(path)) return;
    const signal = getSignalInScope(ctx.j, ctx.root, path, { nested: true });
    if (!signal) return;
    forwardSignal(ctx, path, match, signal);
  });
}

export default createJscodeshiftTransform({ meta, transform });

function forwardSignal(ctx: TransformContext, path: ASTPath, match: CallMatch, signal: SignalInScope): void {
  const args = (path.node as Node).arguments as Node[];
  if (passesSignalOwner(args, signal)) return;
  // Read before the signal goes in: the options object may be replaced.
  const rule = getRule(match, args);
  if (getSignalArgument(path, match.entry.signal).kind === 'passed') return;
  if (isInAbortListener(ctx.j, path, signal)) return ctx.handled(path, MESSAGES.kept(match.callee, signal.expression, MESSAGES.aborted), rule);
  if (isAbortWait(args)) return ctx.handled(path, MESSAGES.kept(match.callee, signal.expression, MESSAGES.abortWait), rule);
  if (isWritingChild(path, match.callee)) return ctx.handled(path, MESSAGES.kept(match.callee, signal.expression, MESSAGES.writingChild), rule);
  const obstacle = getForwardingObstacle(path, signal, getResultNames(path));
  if (obstacle.kind === 'no-gain') return;
  if (obstacle.kind === 'obstacle') return (obstacle.handled ? ctx.handled : ctx.manual)(path, MESSAGES.kept(match.callee, signal.expression, obstacle.reason), rule);
  const expression = getSinkSignalText(ctx.j, ctx.root, signal, match.entry.signal.acceptsNull === true);
  // `context` does not carry `context.options.signal` as a signal: passing `context` passes none.
  const value = { expression, ...(signal.members ? {} : { binding: signal.binding }) };
  const result = insertSignal(ctx, path, match.entry.signal, value, true);
  if (result.kind === 'passed') return;
  if (result.kind === 'unsure') return ctx.manual(path, MESSAGES.manual(match.callee, result.reason, signal.expression), rule);
  ctx.edit(path, MESSAGES.forwarded(signal.expression, match.callee), rule);
}

/**
 * A client call with its own `timeout` option breaks `client-timeout-ignores-signal` rather than
 * plain `unforwarded-signal`: its timeout looks like cancellation and is not the caller's.
 * (http/https `timeout` is timeout-option's `http-timeout-event`.)
 */
function getRule(match: CallMatch, args: readonly Node[]): string | undefined {
  if (/^(node:)?https?$/.test(match.entry.module)) return undefined;
  const hasTimeout = args.some((arg) => arg?.type === 'ObjectExpression' && getProperty(arg, 'timeout') !== undefined);
  return hasTimeout ? 'client-timeout-ignores-signal' : undefined;
}

/** `once(signal, 'abort')`: see `isAbortEvent`. */
function isAbortWait(args: readonly Node[]): boolean {
  const event = args[1];
  return (event?.type === 'StringLiteral' || event?.type === 'Literal') && isAbortEvent(event.value);
}

/**
 * `fetch(request)` and `fetch(new Request(url, request))` where the signal in scope is
 * `request.signal`: the object that carries the signal is passed whole, so its signal already
 * goes along; `{ signal: request.signal }` next to it would only repeat it.
 */
function passesSignalOwner(args: readonly Node[], signal: SignalInScope): boolean {
  if (signal.property === undefined || signal.members) return false;
  const isOwner = (arg: Node) => arg?.type === 'Identifier' && arg.name === signal.binding;
  return args.some((arg) => isOwner(arg) || (arg.type === 'NewExpression' && arg.arguments.some(isOwner)));
}
