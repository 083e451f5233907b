import type { ASTPath } from 'jscodeshift';
import { NON_CANCELLABLE } from '../../catalog/entries.ts';
import { CallMatcher } from '../../catalog/match.ts';
import type { NonCancellableEntry } from '../../catalog/types.ts';
import { getSignalInScope, mayHaveSignal } from '../../scope/get-signal-in-scope.ts';
import type { TransformContext, TransformMeta } from '../../types.ts';

type Node = any;

/**
 * A check-only detector: the contract of a transform, but it never edits, and `migrate` never
 * runs it (it is not in the transform registry). There is nothing to rewrite: the libraries it
 * knows take no signal at all.
 */
export const meta: TransformMeta = {
  name: 'non-cancellable-call',
  description: 'Report awaited calls of libraries without cancellation support (pg, mysql2, ioredis, Prisma, knex) where a signal is in scope',
  // No signal in scope without one of these words; no catalogued library without its name.
  mayApply: (source) => mayHaveSignal(source) && /pg|mysql2|ioredis|prisma|knex/.test(source),
  rule: 'non-cancellable-call',
};

const MESSAGES = {
  site: (callee: string, signal: string, instead: string) => `${callee}() does not stop on abort of ${signal}; ${instead}`,
} as const;

export function transform(ctx: TransformContext): void {
  const matcher = new CallMatcher<NonCancellableEntry>(ctx.j, ctx.root, NON_CANCELLABLE);
  ctx.root.find(ctx.j.CallExpression).forEach((path) => {
    if (!isAwaited(path)) return;
    const match = matcher.getMatch(path);
    if (!match) return;
    const signal = getSignalInScope(ctx.j, ctx.root, path);
    if (!signal) return;
    ctx.manual(path, MESSAGES.site(match.callee, signal.expression, match.entry.instead));
  });
}

/**
 * `await call()`, possibly through parentheses or `as` casts. A call whose promise is kept or
 * returned may be raced or cancelled elsewhere: not reported.
 */
function isAwaited(path: ASTPath): boolean {
  let current: Node = path;
  while (current.parentPath && /^(TSAsExpression|TSNonNullExpression|ParenthesizedExpression)$/.test(current.parentPath.node.type)) {
    current = current.parentPath;
  }
  return current.parentPath?.node.type === 'AwaitExpression';
}
