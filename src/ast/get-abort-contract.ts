import type { ASTPath } from 'jscodeshift';
import type { SignalInScope } from '../scope/get-signal-in-scope.ts';
import { getEnclosingFunctionsUpTo, isFunctionNode } from './get-enclosing-functions.ts';
import { getNodeText } from './get-node-text.ts';
import { isMemberOf, isSignalExpression } from './is-signal-read.ts';
import { walkOwnNodes } from './walk-own-nodes.ts';

type Node = any;

/**
 * How the code around a call already turns an abort into an error of its own. Giving the call
 * the signal would make it reject with the signal's reason (an `AbortError`) first, so callers
 * would catch something else than the code promises them: such a call is left alone.
 */
export type AbortContract =
  | { readonly kind: 'none' }
  /** `if (signal.aborted) throw new CancelledError()` after the call (or in a loop around it). */
  | { readonly kind: 'own-abort-error'; readonly line: number; readonly reason: string }
  /** `if (signal.aborted) return;` after the call (or in a loop around it): it ends quietly. */
  | { readonly kind: 'quiet-return'; readonly line: number; readonly reason: string }
  /** `if (signal.aborted) { await proc.kill(); throw signal.reason; }`: it cleans up before it stops. */
  | { readonly kind: 'abort-cleanup'; readonly line: number; readonly reason: string }
  /** A `catch` around the call that sorts errors by type or rethrows them as its own. */
  | { readonly kind: 'error-mapping'; readonly line: number; readonly reason: string }
  /** A `catch` around the call that takes any failure for its own and carries on (logs, falls back). */
  | { readonly kind: 'error-swallowed'; readonly line: number; readonly reason: string };

const REASONS = {
  ownAbortError: (signal: string, line: number) =>
    `the code throws its own error when ${signal} is aborted (line ${line}); given the signal, this would reject with an AbortError first, which its callers do not expect`,
  quietSkip: (signal: string, line: number) =>
    `the code skips its work when ${signal} is aborted (line ${line}) and carries on; given the signal, this would reject with an AbortError instead, which its callers do not expect`,
  cleanup: (signal: string, line: number) =>
    `the code cleans up when ${signal} is aborted (line ${line}) before it stops; given the signal, this would reject first and skip that cleanup`,
  quietReturn: (signal: string, line: number) =>
    `the code returns when ${signal} is aborted (line ${line}); given the signal, this would reject with an AbortError instead, which its callers do not expect`,
  errorSwallowed: (line: number) =>
    `the catch at line ${line} takes any failure for one of its own and carries on; an abort there would look like one (a fallback, a warning, a skipped item) instead of stopping the work`,
  errorMapping: (line: number) =>
    `the catch at line ${line} sorts errors by type or rethrows its own; with the signal an abort would reach it as an AbortError it does not handle`,
} as const;

/** Names that say a catch already tells aborts apart: error names, `axios.isCancel`, the SDKs' abort error. */
const ABORT_NAMES = new Set(['AbortError', 'TimeoutError', 'ABORT_ERR', 'CanceledError', 'isCancel', 'APIUserAbortError']);

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

/** What turns an abort of `signal` into the code's own error around `site`, if anything. */
export function getAbortContract(site: ASTPath, signal: SignalInScope): AbortContract {
  const functions = getEnclosingFunctionsUpTo(site, signal.functionPath);
  const check = findOwnAbortExit(site.node as Node, functions, signal, isTailWait(site));
  if (check?.exit === 'own-error') return { kind: 'own-abort-error', line: check.line, reason: REASONS.ownAbortError(signal.expression, check.line) };
  if (check?.exit === 'return') return { kind: 'quiet-return', line: check.line, reason: REASONS.quietReturn(signal.expression, check.line) };
  if (check?.exit === 'skip') return { kind: 'quiet-return', line: check.line, reason: REASONS.quietSkip(signal.expression, check.line) };
  if (check?.exit === 'cleanup') return { kind: 'abort-cleanup', line: check.line, reason: REASONS.cleanup(signal.expression, check.line) };
  const handler = findErrorMapping(site, signal);
  if (handler?.kind === 'maps') return { kind: 'error-mapping', line: handler.line, reason: REASONS.errorMapping(handler.line) };
  if (handler?.kind === 'swallows') return { kind: 'error-swallowed', line: handler.line, reason: REASONS.errorSwallowed(handler.line) };
  return { kind: 'none' };
}

/**
 * The line of an `if` on `signal.aborted` that throws something else than `signal.reason`,
 * returns, skips the work (negated), or cleans up before it throws, and runs after the site: later
 * in one of its functions, or in a loop that also holds the site. A check before the call only is
 * a precondition, which the signal does not change, unless it opens the site's function and the
 * site is the last thing the function waits for (a wait that paces its next call); one in a catch
 * around the call already turns the call's abort into the code's own error.
 */
type OwnExit = 'own-error' | 'return' | 'skip' | 'cleanup';

function findOwnAbortExit(site: Node, functions: readonly Node[], signal: SignalInScope, tailWait: boolean): { line: number; exit: OwnExit } | undefined {
  let line: number | undefined;
  let exit: OwnExit = 'own-error';
  for (const [index, fn] of functions.entries()) {
    walkOwnNodes(fn, (node, ancestors) => {
      if (line !== undefined || node.type !== 'IfStatement' || !readsAborted(node.test, signal)) return;
      const caught = getCaughtName(ancestors);
      // `if (!signal.aborted) { more(); }`: the work is skipped on abort, without an error.
      const negated = node.test.type === 'UnaryExpression' && node.test.operator === '!' && readsAborted(node.test.argument, signal);
      const found: OwnExit | undefined = negated
        ? 'skip'
        : throwsOwnError(node.consequent, signal, caught)
          ? 'own-error'
          : returnsQuietly(node.consequent)
            ? 'return'
            : cleansUpBeforeThrow(node.consequent, caught)
              ? 'cleanup'
              : undefined;
      if (found === undefined) return;
      exit = found;
      // In a catch around the site, the check already routes the call's abort into the own error.
      if (ancestors.some((outer) => outer.type === 'TryStatement' && ancestors.includes(outer.handler) && contains(outer.block, site))) return;
      const after = node.start > site.end;
      const inLoopWithSite = ancestors.some((outer) => LOOPS.has(outer.type) && contains(outer, site));
      // `if (signal.aborted) { cancelQueued(); return false; }` opening the function, and `await
      // sleep(10); return true;`: the wait only paces the next call, whose opening check ends it.
      const opensFunction = index === 0 && tailWait && found !== 'skip' && ancestors.length === 2 && ancestors[1] === fn.body && node.end < site.start;
      if (after || inLoopWithSite || opensFunction) line = node.loc?.start.line ?? 0;
    });
    if (line !== undefined) return { line, exit };
  }
  return undefined;
}

/** `await site;` right before a `return` of a settled value: the function's work is done when the site is. */
function isTailWait(site: ASTPath): boolean {
  const awaited = site.parentPath?.node as Node;
  const statementPath = site.parentPath?.parentPath;
  const statement = statementPath?.node as Node;
  if (awaited?.type !== 'AwaitExpression' || statement?.type !== 'ExpressionStatement' || statement.expression !== awaited) return false;
  const body = statementPath?.parentPath?.value;
  if (!Array.isArray(body)) return false;
  const next = body[body.indexOf(statement) + 1];
  // `return true;`, `return result;`: nothing left to do; `return fetch(url)` is more work.
  return next?.type === 'ReturnStatement' && (!next.argument || SETTLED.has(next.argument.type));
}

const SETTLED = new Set(['Identifier', 'Literal', 'BooleanLiteral', 'NumericLiteral', 'StringLiteral', 'NullLiteral']);

/** `return;` or `{ cleanup(); return; }`: the branch ends the function without an error. */
function returnsQuietly(block: Node): boolean {
  const statements = block.type === 'BlockStatement' ? block.body : [block];
  return statements.at(-1)?.type === 'ReturnStatement';
}

/**
 * `{ cancelled = true; await proc.kill(); throw signal.reason; }`: work before a throw of the
 * signal's own reason, which a site given the signal would skip by rejecting first. A rethrow of
 * what a catch caught is not it: that passes the site's own AbortError on, cleanup and all.
 */
function cleansUpBeforeThrow(block: Node, caught: string | undefined): boolean {
  const statements = block.type === 'BlockStatement' ? block.body : [block];
  const last = statements.at(-1);
  if (last?.type !== 'ThrowStatement' || (caught !== undefined && last.argument?.type === 'Identifier' && last.argument.name === caught)) return false;
  return statements.slice(0, -1).some((statement: Node) => statement.type === 'ExpressionStatement');
}

function contains(outer: Node, inner: Node): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** `test` reads `<signal>.aborted` (`signal?.aborted`, `!options.signal.aborted`). */
function readsAborted(test: Node, signal: Pick<SignalInScope, 'binding' | 'property'>): boolean {
  let found = false;
  walkOwnNodes(test, (node) => {
    if (isMemberOf(node, 'aborted') && isSignalExpression(node.object, signal)) found = true;
  });
  return found;
}

/** The parameter of the innermost catch clause among `ancestors` (outermost first). */
function getCaughtName(ancestors: readonly Node[]): string | undefined {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const node = ancestors[index];
    if (node.type === 'CatchClause') return node.param?.type === 'Identifier' ? node.param.name : undefined;
  }
  return undefined;
}

/** A throw of something other than the signal's reason, or (`caught`) than the error a catch is rethrowing. */
function throwsOwnError(block: Node, signal: SignalInScope, caught?: string): boolean {
  let found = false;
  walkOwnNodes(block, (node) => {
    if (node.type !== 'ThrowStatement') return;
    const isReason = isMemberOf(node.argument, 'reason') && isSignalExpression(node.argument.object, signal);
    const isRethrow = caught !== undefined && node.argument?.type === 'Identifier' && node.argument.name === caught;
    if (!isReason && !isRethrow) found = true;
  });
  return found;
}

/**
 * The line of a `catch` around the site (out to the signal's function), or of a `.catch(fn)`
 * chained on it, that tests `instanceof` (of a class other than `Error`) or throws something
 * else than what it caught, unless it already knows aborts: it reads `signal.aborted`, or names
 * one of ABORT_NAMES (then an abort takes the code's own path, and the signal is welcome).
 */
function findErrorMapping(site: ASTPath, signal: SignalInScope): { kind: ErrorHandling; line: number } | undefined {
  const chained = getChainedCatch(site);
  const chainedKind = chained ? getErrorHandling(chained.params[0], chained.body, signal, site) : undefined;
  if (chainedKind) return { kind: chainedKind, line: chained.loc?.start.line ?? 0 };
  let child: Node = site.node;
  for (let current = site.parentPath as ASTPath | null; current; current = current.parentPath) {
    const node = current.node as Node;
    if (node?.type === 'TryStatement' && node.block === child && node.handler) {
      const kind = getErrorHandling(node.handler.param, node.handler.body, signal, site);
      if (kind) return { kind, line: node.handler.loc?.start.line ?? 0 };
    }
    if (node === signal.functionPath.node) return undefined;
    if (node && !Array.isArray(node)) child = node;
  }
  return undefined;
}

/** The names of the parameters of the functions around `path`. */
function getParameterNames(path: ASTPath): Set<string> {
  const names = new Set<string>();
  for (let current: ASTPath | null = path; current; current = current.parentPath) {
    const node = current.node as Node;
    if (node && isFunctionNode(node)) for (const param of node.params) if (param.type === 'Identifier') names.add(param.name);
  }
  return names;
}

/** `fn` of `site.catch(fn)`, when it is a function literal. */
function getChainedCatch(site: ASTPath): Node | undefined {
  const member = site.parentPath?.node as Node;
  const call = site.parentPath?.parentPath?.node as Node;
  if (!isMemberOf(member, 'catch') || member.object !== site.node || call?.type !== 'CallExpression' || call.callee !== member) return undefined;
  const handler = call.arguments[0];
  return handler?.type === 'ArrowFunctionExpression' || handler?.type === 'FunctionExpression' ? handler : undefined;
}

type ErrorHandling = 'maps' | 'swallows';

/**
 * What a catch does with what it caught, unless it already knows aborts: `maps` (it sorts errors
 * by class or throws its own), `swallows` (it throws nothing: it logs, falls back or skips, and
 * the code carries on as after any failure), or nothing to say (it rethrows what it caught).
 */
function getErrorHandling(param: Node, body: Node, signal: SignalInScope, at: ASTPath): ErrorHandling | undefined {
  const caught = param?.type === 'Identifier' ? param.name : undefined;
  const parameters = getParameterNames(at);
  const site = at.node as Node;
  const callee = site?.type === 'CallExpression' ? getNodeText(site.callee) : undefined;
  let sorts = false;
  let throws = false;
  let knowsAborts = false;
  walkOwnNodes(body, (node) => {
    if (node.type === 'ThrowStatement') throws = true;
    // `next(error)`, `reject(error)`: handed on to the caller's continuation, a parameter.
    const handsOn = node.type === 'CallExpression' && node.callee.type === 'Identifier' && parameters.has(node.callee.name) && node.arguments.some((arg: Node) => arg.type === 'Identifier' && arg.name === caught);
    // `catch { return fetch(url); }` around `fetch(url)`: a retry, which the signal fails as well.
    const retries = node.type === 'CallExpression' && callee !== undefined && getNodeText(node.callee) === callee;
    if (handsOn || retries) throws = true;
    // `e instanceof Error` only narrows the type; a test for a particular class sorts errors.
    if (node.type === 'BinaryExpression' && node.operator === 'instanceof' && !(node.right.type === 'Identifier' && node.right.name === 'Error')) sorts = true;
    if (node.type === 'ThrowStatement' && !(node.argument?.type === 'Identifier' && node.argument.name === caught)) sorts = true;
    const text = node.type === 'StringLiteral' || node.type === 'Literal' ? node.value : node.type === 'Identifier' ? node.name : '';
    if (ABORT_NAMES.has(text)) knowsAborts = true;
    if (isMemberOf(node, 'aborted') && isSignalExpression(node.object, signal)) knowsAborts = true;
  });
  if (knowsAborts) return undefined;
  return sorts ? 'maps' : throws ? undefined : 'swallows';
}
