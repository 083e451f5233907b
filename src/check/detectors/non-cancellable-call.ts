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
  description: 'Report calls of libraries without cancellation support (pg, mysql2, ioredis, Prisma, knex) whose promise is awaited, returned, chained or passed on where a signal is in scope',
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
    if (!isWaitedFor(path)) return;
    const match = matcher.getMatch(path);
    if (!match) return;
    const signal = getSignalInScope(ctx.j, ctx.root, path);
    if (!signal) return;
    ctx.manual(path, MESSAGES.site(match.callee, signal.expression, match.entry.instead));
  });
}

/** Wrappers that leave the call's promise as it is. */
const TRANSPARENT = /^(TSAsExpression|TSNonNullExpression|TSSatisfiesExpression|ParenthesizedExpression)$/;
/** `.then()`, `.catch()`, `.finally()`: the chain waits for the call. */
const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);
/** Combinators that wait for every promise given (race and any settle on the first: the caller may race the call against the signal). */
const WAIT_ALL = /^Promise\.(all|allSettled)$/;

/**
 * Something waits for the call's promise: it is awaited, returned (also as an arrow's body),
 * chained with `.then`/`.catch`/`.finally`, passed to another call, or given to `Promise.all`.
 * A promise kept in a variable, or given to `Promise.race`, may be raced against the signal
 * elsewhere: not reported.
 */
function isWaitedFor(path: ASTPath): boolean {
  let current: Node = path;
  const climb = () => {
    while (current.parentPath && TRANSPARENT.test(current.parentPath.node.type)) current = current.parentPath;
  };
  climb();
  let parent = current.parentPath?.node as Node;
  if (isChainMember(current, parent)) return true;
  switch (parent?.type) {
    case 'AwaitExpression':
    case 'ReturnStatement':
      return true;
    case 'ArrowFunctionExpression':
      return parent.body === current.node;
    case 'CallExpression':
    case 'NewExpression':
      return parent.arguments.includes(current.node) && !isRaced(parent);
    case 'ArrayExpression': {
      // The element's parentPath is the list of elements; `parent` is the array's own path.
      current = current.parent;
      climb();
      parent = current.parentPath?.node as Node;
      return (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && WAIT_ALL.test(getCalleeText(parent.callee));
    }
    default:
      return false;
  }
}

/** `call().then(...)`: the call is the object of a chained method that is called. */
function isChainMember(current: Node, parent: Node): boolean {
  if (parent?.type !== 'MemberExpression' && parent?.type !== 'OptionalMemberExpression') return false;
  if (parent.object !== current.node || parent.computed || !CHAIN_METHODS.has(parent.property.name)) return false;
  const grand = current.parentPath.parentPath?.node as Node;
  return (grand?.type === 'CallExpression' || grand?.type === 'OptionalCallExpression') && grand.callee === parent;
}

function isRaced(call: Node): boolean {
  return /^Promise\.(race|any)$/.test(getCalleeText(call.callee));
}

function getCalleeText(callee: Node): string {
  if (callee?.type === 'Identifier') return callee.name;
  if (callee?.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier') return `${callee.object.name}.${callee.property.name}`;
  return '';
}
