import { ts } from 'ts-morph';
import { isFunctionLike, skipTypeAssertions } from './syntax.ts';

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
  readonly kind: 'return' | 'skip' | 'own-error' | 'cleanup';
}

/**
 * The first `if` on `<signal>.aborted` that returns, throws something other than
 * `<signal>.reason`, or cleans up before it throws, in a loop around `site` or after it, in the
 * function `owner` whose signal it is (not in nested functions, which run on their own schedule).
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
  const name = getEnclosingCatch(node)?.variableDeclaration?.name;
  return name && ts.isIdentifier(name) ? name.text : undefined;
}

/** The catch clause `node` is in, within its own function. */
function getEnclosingCatch(node: ts.Node): ts.CatchClause | undefined {
  for (let current = node.parent; current && !isFunctionLike(current); current = current.parent) if (ts.isCatchClause(current)) return current;
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
    if (isRethrow) return undefined;
    if (!isReason) return 'own-error';
    // `{ await proc.kill(); throw signal.reason; }`: a call given the signal would skip the cleanup.
    return statements.slice(0, -1).some(ts.isExpressionStatement) ? 'cleanup' : undefined;
  }
  return undefined;
}

function stripNonNull(node: ts.Expression): ts.Expression {
  return ts.isNonNullExpression(node) ? node.expression : node;
}

/** A file that may test a signal's `aborted` or an abort error: only then are branches worth a look. */
export function mayBranchOnAbort(file: ts.SourceFile): boolean {
  let known = branchesOnAbort.get(file);
  if (known === undefined) branchesOnAbort.set(file, (known = /\.aborted\b/.test(file.text) || ABORT_ERROR.test(file.text)));
  return known;
}

/** Asked for every call the pass looks at: the file's text is searched once. */
const branchesOnAbort = new WeakMap<ts.SourceFile, boolean>();

/** Names by which a catch tells an abort from other errors. */
const ABORT_ERROR = /AbortError|isAbort|isCancel|ABORT_ERR/;

/**
 * `node` runs only once `signal` has aborted, in `stop`'s own body: in the then-branch of
 * `if (<signal>.aborted)` (not negated; `&&` with other tests too), or of an `if` in a catch
 * clause that tests for an abort error (`isAbortError(error)`, `error.name === 'AbortError'`).
 */
export function isInAbortedBranch(node: ts.Node, stop: ts.Node, signal: string): boolean {
  let child: ts.Node = node;
  for (let current = node.parent; current && current !== stop; child = current, current = current.parent) {
    if (isFunctionLike(current)) return false;
    if (!ts.isIfStatement(current) || current.thenStatement !== child) continue;
    if (testsAborted(current.expression, signal)) return true;
    if (getEnclosingCatch(current) !== undefined && ABORT_ERROR.test(current.expression.getText())) return true;
  }
  return false;
}

function testsAborted(test: ts.Expression, signal: string): boolean {
  const bare = skipTypeAssertions(test);
  if (ts.isBinaryExpression(bare)) {
    const operator = bare.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return testsAborted(bare.left, signal) || testsAborted(bare.right, signal);
    if (operator === ts.SyntaxKind.EqualsEqualsEqualsToken && bare.right.kind === ts.SyntaxKind.TrueKeyword) return testsAborted(bare.left, signal);
    return false;
  }
  const normalize = (text: string) => text.replaceAll('?.', '.').replaceAll('!', '');
  return ts.isPropertyAccessExpression(bare) && bare.name.text === 'aborted' && normalize(bare.expression.getText()) === normalize(signal);
}

/**
 * The line of a `catch` around `site`, in its own function, that throws nothing and does not tell
 * aborts apart (no `.aborted`, no abort error name): it takes any failure for one of its own and
 * carries on (a warning, a fallback, a skipped item), so an abort there would look like one. The
 * per-file transforms' `error-swallowed` contract (src/ast/get-abort-contract.ts).
 */
export function getSwallowingCatch(site: ts.Node): number | undefined {
  let child: ts.Node = site;
  for (let node = site.parent; node && !isFunctionLike(node); child = node, node = node.parent) {
    if (!ts.isTryStatement(node) || node.tryBlock !== child || !node.catchClause) continue;
    const block = node.catchClause.block;
    const caught = node.catchClause.variableDeclaration?.name;
    const handsOn = caught !== undefined && ts.isIdentifier(caught) && handsToParameter(block, caught.text, node);
    if (!throwsOrKnowsAborts(block) && !handsOn && !retries(block, site)) return block.getSourceFile().getLineAndCharacterOfPosition(node.catchClause.getStart()).line + 1;
  }
  return undefined;
}

/**
 * `catch (error) { next(error); }`, `reject(error)`, `callback(error)`: the caught error goes to a
 * parameter of a function around the try, the caller's continuation, which gets the abort as it is.
 */
function handsToParameter(block: ts.Block, caught: string, from: ts.Node): boolean {
  const parameters = new Set<string>();
  for (let node: ts.Node | undefined = from; node; node = node.parent) {
    if (isFunctionLike(node)) for (const parameter of node.parameters) if (ts.isIdentifier(parameter.name)) parameters.add(parameter.name.text);
  }
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || isFunctionLike(node)) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && parameters.has(node.expression.text) && node.arguments.some((arg) => ts.isIdentifier(arg) && arg.text === caught)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(block);
  return found;
}

/** `catch { return fetch(url); }` around `fetch(url)`: a retry, which the signal fails as well. */
function retries(block: ts.Block, site: ts.Node): boolean {
  if (!ts.isCallExpression(site)) return false;
  const callee = site.expression.getText();
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || isFunctionLike(node)) return;
    if (ts.isCallExpression(node) && node.expression.getText() === callee) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(block);
  return found;
}

function throwsOrKnowsAborts(block: ts.Block): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || isFunctionLike(node)) return;
    if (ts.isThrowStatement(node) || (ts.isPropertyAccessExpression(node) && node.name.text === 'aborted') || (ts.isIdentifier(node) && ABORT_ERROR.test(node.text))) found = true;
    else if (ts.isStringLiteralLike(node) && ABORT_ERROR.test(node.text)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(block);
  return found;
}
