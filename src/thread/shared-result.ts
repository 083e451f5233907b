import { ts } from 'ts-morph';
import { getCalleeName, isFunctionLike } from './syntax.ts';

/**
 * Why a call's result is shared by other callers: a signal passed to it would let one caller's
 * abort reject every caller that gets the same result.
 */
export type SharedResult =
  | { readonly kind: 'outer'; readonly target: string }
  | { readonly kind: 'cache'; readonly store: string }
  | { readonly kind: 'memoised'; readonly wrapper: string };

/** Wrappers that run a function once (per key) and hand every later caller the same result. */
const MEMOISERS = new Set(['memoize', 'memoizee', 'memoizeOne', 'moize', 'once', 'onetime', 'pMemoize', 'pMemoise', 'memoise', 'mem', 'lazy', 'cache']);

/** `.then(...)`, `.catch(...)`, `.finally(...)`: the chain's promise is the call's result, passed on. */
const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);

/**
 * Whether the result of `call` outlives it: kept in a binding declared outside the function the
 * call runs in (`cached ??= load()`, `promise = promise || load()`, `this.client = await connect()`),
 * stored with a cache's `set` (`delays.set(host, await probe())`), directly or through a local
 * `const`; or whether the call runs inside a function a memoiser wraps (`once(async () => ...)`,
 * `@memoize()`).
 */
export function getSharedResult(checker: ts.TypeChecker, call: ts.Expression): SharedResult | undefined {
  const memoised = getMemoiser(call);
  if (memoised) return { kind: 'memoised', wrapper: memoised };
  const scope = getEnclosingFunction(call);
  const result = getResultExpression(call);
  // A settled value that holds nothing of the call (a string, a number) is shared harmlessly: an
  // abort only ever fails the caller that aborted, and leaves nothing behind.
  if (isSettledData(checker, call, result)) return undefined;
  const stored = getStore(checker, result, scope);
  if (stored) return stored;
  // `const p = load(); cache.set(key, p)`, `delay = load(); delays.set(host, delay)`: the local holds the same result.
  const local = scope && getLocal(result);
  const symbol = local && checker.getSymbolAtLocation(local);
  let found: SharedResult | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node !== local && checker.getSymbolAtLocation(node) === symbol) found = getStore(checker, getResultExpression(node), scope);
    ts.forEachChild(node, visit);
  };
  if (scope && symbol) visit(scope);
  // `const promise = (async () => { ... await fetch(probe) ... })(); cache.set(key, promise)`: the
  // function runs once for the shared promise, so everything it awaits is shared too.
  const invocation = found === undefined && scope ? getInvocation(scope) : undefined;
  return found ?? (invocation && getSharedResult(checker, invocation));
}

/**
 * A promise started and left to run: the call, or the call with `.catch(...)`/`.finally(...)`, is
 * a whole statement or the operand of `void` (`this.startStream().catch(report)`). A `.then` is a
 * continuation the caller may wait for, and so is a handler that calls a function or parameter of
 * the functions around the call (`.catch(reject)`, `.catch((e) => settle(e))`): the outcome is
 * handed on to what the caller awaits, so such a call is not detached.
 */
export function isDetached(checker: ts.TypeChecker, call: ts.Expression): boolean {
  const scope = getEnclosingFunction(call);
  let result: ts.Expression = call;
  for (;;) {
    const parent = result.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent) || ts.isAsExpression(parent)) result = parent;
    else if (ts.isPropertyAccessExpression(parent) && (parent.name.text === 'catch' || parent.name.text === 'finally') && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) {
      result = parent.parent;
      if (parent.parent.arguments.some((handler) => handsOn(checker, handler, scope))) return false;
    } else break;
  }
  const parent = result.parent;
  const statement = ts.isExpressionStatement(parent) || (ts.isVoidExpression(parent) && ts.isExpressionStatement(parent.parent));
  if (!statement) return false;
  const type = checker.getTypeAtLocation(call);
  return (type.isUnion() ? type.types : [type]).some((part) => part.getProperty('then') !== undefined);
}

/** Whether a handler is, or calls, a binding declared inside `scope` (a parameter, a local function). */
function handsOn(checker: ts.TypeChecker, handler: ts.Expression, scope: ts.Node | undefined): boolean {
  if (!scope) return false;
  const isLocal = (identifier: ts.Identifier): boolean => {
    const declaration = checker.getSymbolAtLocation(identifier)?.getDeclarations()?.[0];
    return declaration !== undefined && declaration.getSourceFile() === scope.getSourceFile() && declaration.pos >= scope.pos && declaration.end <= scope.end;
  };
  if (ts.isIdentifier(handler)) return isLocal(handler);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && isLocal(node.expression)) found = true;
    ts.forEachChild(node, visit);
  };
  visit(handler);
  return found;
}

/** The call that runs a function expression on the spot: `(async () => ...)()`. */
function getInvocation(fn: ts.Node): ts.CallExpression | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  let callee: ts.Node = fn;
  while (ts.isParenthesizedExpression(callee.parent)) callee = callee.parent;
  const call = callee.parent;
  return ts.isCallExpression(call) && call.expression === callee ? call : undefined;
}

/** An awaited result of plain data: no promise, and no object that could keep the signal. */
function isSettledData(checker: ts.TypeChecker, call: ts.Expression, result: ts.Expression): boolean {
  let awaited = false;
  for (let node: ts.Node = call; node !== result; node = node.parent) if (ts.isAwaitExpression(node.parent)) awaited = true;
  if (!awaited) return false;
  const type = checker.getTypeAtLocation(result);
  const data = ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.EnumLike;
  return (type.isUnion() ? type.types : [type]).every((part) => (part.flags & data) !== 0);
}

/** The local a result is put in: `const p = <result>`, or `p = <result>`. */
function getLocal(result: ts.Expression): ts.Identifier | undefined {
  const parent = result.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === result && ts.isIdentifier(parent.name)) return parent.name;
  if (ts.isBinaryExpression(parent) && parent.right === result && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(parent.left)) return parent.left;
  return undefined;
}

/** The expression standing for the call's result: through parentheses, casts, `await`, `||`/`??` and `.then` chains. */
function getResultExpression(node: ts.Expression): ts.Expression {
  let current: ts.Expression = node;
  for (;;) {
    const parent = current.parent;
    if (
      ts.isParenthesizedExpression(parent) ||
      ts.isAwaitExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isNonNullExpression(parent) ||
      ts.isTypeAssertionExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      (ts.isConditionalExpression(parent) && parent.condition !== current)
    ) {
      current = parent;
    } else if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(parent.operatorToken.kind)) {
      current = parent;
    } else if (ts.isPropertyAccessExpression(parent) && CHAIN_METHODS.has(parent.name.text) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) {
      current = parent.parent;
    } else {
      return current;
    }
  }
}

/** Where `result` is stored when the store outlives `scope`: an outer binding, `this`, a cache's `set`. */
function getStore(checker: ts.TypeChecker, result: ts.Expression, scope: ts.Node | undefined): SharedResult | undefined {
  const parent = result.parent;
  if (ts.isBinaryExpression(parent) && parent.right === result && isAssignment(parent.operatorToken.kind) && outlives(checker, parent.left, scope)) {
    return { kind: 'outer', target: parent.left.getText() };
  }
  if (ts.isCallExpression(parent) && parent.arguments.length === 2 && parent.arguments[1] === result) {
    const callee = parent.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'set') return { kind: 'cache', store: callee.expression.getText() };
  }
  return undefined;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsToken ||
    kind === ts.SyntaxKind.QuestionQuestionEqualsToken ||
    kind === ts.SyntaxKind.BarBarEqualsToken ||
    kind === ts.SyntaxKind.AmpersandAmpersandEqualsToken
  );
}

/** A target declared outside `scope` (module or outer function), or a property of `this` or of such a binding. */
function outlives(checker: ts.TypeChecker, target: ts.Expression, scope: ts.Node | undefined): boolean {
  let base: ts.Expression = target;
  while (ts.isPropertyAccessExpression(base) || ts.isElementAccessExpression(base)) base = base.expression;
  if (base.kind === ts.SyntaxKind.ThisKeyword) return base !== target;
  if (!ts.isIdentifier(base)) return false;
  const declaration = checker.getSymbolAtLocation(base)?.getDeclarations()?.[0];
  if (!declaration) return false;
  return scope === undefined || declaration.getSourceFile() !== scope.getSourceFile() || declaration.pos < scope.pos || declaration.end > scope.end;
}

function getEnclosingFunction(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) if (isFunctionLike(current)) return current;
  return undefined;
}

/**
 * The memoiser around the functions `call` runs in, up to the first one callers call by name:
 * `memoize(async (id) => ...)`, `_.memoize(...)`, `const get = once(function () {...})`, a
 * method decorated `@memoize()`.
 */
function getMemoiser(call: ts.Node): string | undefined {
  for (let current = call.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (!isFunctionLike(current)) continue;
    const parent = current.parent;
    if (ts.isCallExpression(parent) && parent.arguments.includes(current as ts.Expression)) {
      const name = getCalleeName(parent.expression);
      if (name !== undefined && MEMOISERS.has(name)) return parent.expression.getText();
    }
    for (const decorator of (ts.canHaveDecorators(current) && ts.getDecorators(current)) || []) {
      const expression = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
      const name = getCalleeName(expression);
      if (name !== undefined && MEMOISERS.has(name.charAt(0).toLowerCase() + name.slice(1))) return `@${expression.getText()}`;
    }
    if (ts.isFunctionDeclaration(current) || ts.isMethodDeclaration(current)) return undefined;
    if (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent)) return undefined;
  }
  return undefined;
}
