import { ts } from 'ts-morph';
import { isFunctionLike } from './syntax.ts';

/**
 * The thread pass's reading of what the per-file transforms call an abort contract
 * (src/ast/get-abort-contract.ts, on jscodeshift's tree): code that already ends its own way when
 * the signal aborts. `while (open) { if (signal?.aborted) return; await delay(20); }` returns
 * quietly on abort; given the signal, `delay` would reject with an AbortError first, and the
 * function would throw where it promised to return. The same for `if (signal.aborted) throw new
 * Cancelled()` after the call: callers would catch something else.
 */
export interface OwnAbortExit {
  readonly line: number;
  readonly kind: 'return' | 'skip' | 'own-error';
}

/**
 * The first `if` on `<signal>.aborted` that returns or throws something other than
 * `<signal>.reason`, in a loop around `site` or after it, in the function `owner` whose signal it
 * is (not in nested functions, which run on their own schedule).
 */
export function getOwnAbortExit(site: ts.Node, signal: string, owner: ts.Node): OwnAbortExit | undefined {
  const file = site.getSourceFile();
  const loops: ts.Node[] = [];
  for (let node = site.parent; node && node !== owner; node = node.parent) {
    if (isFunctionLike(node)) return undefined;
    if (ts.isIterationStatement(node, false)) loops.push(node);
  }
  let found: OwnAbortExit | undefined;
  const visit = (node: ts.Node): void => {
    if (found || isFunctionLike(node)) return;
    if (ts.isIfStatement(node) && readsAborted(node.expression, signal, file)) {
      const inLoopWithSite = loops.some((loop) => loop.pos <= node.pos && node.end <= loop.end);
      const after = node.getStart(file) > site.end;
      // `if (!signal.aborted) { more(); }`: the work is skipped on abort, without an error.
      const negated = ts.isPrefixUnaryExpression(node.expression) && node.expression.operator === ts.SyntaxKind.ExclamationToken && readsAborted(node.expression.operand, signal, file);
      const exit = negated ? 'skip' : getExit(node.thenStatement, signal, file, getCaughtName(node));
      if (exit && (inLoopWithSite || after)) found = { line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, kind: exit };
    }
    ts.forEachChild(node, visit);
  };
  const body = isFunctionLike(owner) ? owner.body : undefined;
  if (body) ts.forEachChild(body, visit);
  return found;
}

function readsAborted(test: ts.Expression, signal: string, file: ts.SourceFile): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'aborted' && stripNonNull(node.expression).getText(file) === signal) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(test);
  return found;
}

/** The variable of the catch clause `node` is in, if any: rethrowing it passes the error on. */
function getCaughtName(node: ts.Node): string | undefined {
  for (let current = node.parent; current && !isFunctionLike(current); current = current.parent) {
    if (ts.isCatchClause(current)) {
      const name = current.variableDeclaration?.name;
      return name && ts.isIdentifier(name) ? name.text : undefined;
    }
  }
  return undefined;
}

function getExit(statement: ts.Statement, signal: string, file: ts.SourceFile, caught: string | undefined): OwnAbortExit['kind'] | undefined {
  const statements = ts.isBlock(statement) ? statement.statements : [statement];
  const last = statements[statements.length - 1];
  if (last && ts.isReturnStatement(last)) return 'return';
  if (last && ts.isThrowStatement(last)) {
    const thrown = last.expression;
    const isReason = ts.isPropertyAccessExpression(thrown) && thrown.name.text === 'reason' && stripNonNull(thrown.expression).getText(file) === signal;
    // `catch (error) { if (signal.aborted) { ...; throw error; } }`: what was thrown goes on as it was.
    const isRethrow = caught !== undefined && ts.isIdentifier(thrown) && thrown.text === caught;
    return isReason || isRethrow ? undefined : 'own-error';
  }
  return undefined;
}

function stripNonNull(node: ts.Expression): ts.Expression {
  return ts.isNonNullExpression(node) ? node.expression : node;
}
