import type { ASTPath } from 'jscodeshift';
import { getCatalogMatcher } from '../src/catalog/get-catalog-matcher.ts';
import type { CallMatch } from '../src/catalog/match.ts';
import { insertSignal } from '../src/catalog/insert-signal.ts';
import { createJscodeshiftTransform } from '../src/engine/adapter.ts';
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
} as const;

export function transform(ctx: TransformContext): void {
  const matcher = getCatalogMatcher(ctx);
  ctx.root.find(ctx.j.CallExpression).forEach((path) => {
    const match = matcher.getMatch(path);
    if (!match) return;
    const signal = getSignalInScope(ctx.j, ctx.root, path);
    if (!signal) return;
    forwardSignal(ctx, path, match, signal);
  });
}

export default createJscodeshiftTransform({ meta, transform });

function forwardSignal(ctx: TransformContext, path: ASTPath, match: CallMatch, signal: SignalInScope): void {
  if (passesSignalOwner((path.node as Node).arguments, signal)) return;
  const result = insertSignal(ctx, path, match.entry.signal, signal, true);
  if (result.kind === 'passed') return;
  if (result.kind === 'unsure') return ctx.manual(path, MESSAGES.manual(match.callee, result.reason, signal.expression));
  ctx.edit(path, MESSAGES.forwarded(signal.expression, match.callee));
}

/**
 * `fetch(request)` and `fetch(new Request(url, request))` where the signal in scope is
 * `request.signal`: the object that carries the signal is passed whole, so its signal already
 * goes along; `{ signal: request.signal }` next to it would only repeat it.
 */
function passesSignalOwner(args: readonly Node[], signal: SignalInScope): boolean {
  if (signal.property === undefined) return false;
  const isOwner = (arg: Node) => arg?.type === 'Identifier' && arg.name === signal.binding;
  return args.some((arg) => isOwner(arg) || (arg.type === 'NewExpression' && arg.arguments.some(isOwner)));
}
