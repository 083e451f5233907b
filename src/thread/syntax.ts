import { ts } from 'ts-morph';
import { isFilePragma } from '../ast/is-file-pragma.ts';

/** A function the pass looks at (a constructor is reported, never threaded). */
export type FunctionLike =
  | ts.FunctionDeclaration
  | ts.MethodDeclaration
  | ts.ArrowFunction
  | ts.FunctionExpression
  | ts.ConstructorDeclaration;

/** Something that gets the new parameter: a function, or a method signature of an interface. */
export type Callable = FunctionLike | ts.MethodSignature;

export function getCalleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

/** A test file by the usual conventions: `*.test.ts`, `*.spec.js`, anything under `__tests__/`. */
export function isTestFile(file: ts.SourceFile): boolean {
  return /[._-](test|spec)\.[cm]?[jt]sx?$/.test(file.fileName) || /\/(__tests__|__mocks__)\//.test(file.fileName);
}

export function isGenerated(file: ts.SourceFile): boolean {
  return /@generated|DO NOT EDIT/.test(file.text.slice(0, 500));
}

export function isFunctionLike(node: ts.Node): node is FunctionLike {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isConstructorDeclaration(node)
  );
}

/** The name callers use for `fn`, when it has one callers can call it by. */
export function getFunctionName(fn: Callable): string | undefined {
  if (ts.isConstructorDeclaration(fn)) return 'constructor';
  if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isMethodSignature(fn)) {
    return fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteral(fn.name)) ? fn.name.text : undefined;
  }
  const parent = fn.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === fn) {
    return ts.isIdentifier(parent.name) ? parent.name.text : undefined;
  }
  return undefined;
}

/** The symbol callers resolve to: the name of the declaration (variable for arrows). */
export function getNameNode(fn: Callable): ts.Node | undefined {
  if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isMethodSignature(fn)) return fn.name;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name;
  return undefined;
}

/** The object literal `fn` is a member of (`{ get() {} }`, `{ get: () => ... }`), if any. */
export function getObjectLiteral(fn: FunctionLike): ts.ObjectLiteralExpression | undefined {
  if (ts.isMethodDeclaration(fn) && ts.isObjectLiteralExpression(fn.parent)) return fn.parent;
  const parent = fn.parent;
  return ts.isPropertyAssignment(parent) && parent.initializer === fn && ts.isObjectLiteralExpression(parent.parent) ? parent.parent : undefined;
}

export function isCallable(node: ts.Node): node is Callable {
  return isFunctionLike(node) || ts.isMethodSignature(node);
}

export function isAbstract(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.AbstractKeyword);
}

export function isDefaultExport(fn: Callable): boolean {
  return ts.isFunctionDeclaration(fn) && (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Default) !== 0;
}

export function isJs(node: ts.Node): boolean {
  return /\.[cm]?jsx?$/.test(node.getSourceFile().fileName);
}

/**
 * True when `node` runs as cleanup of its function: in a `finally` block, or a callback given to
 * `.finally()` (the compiler-API twin of src/ast/is-in-finally.ts). It does not get the signal.
 */
export function isInFinally(node: ts.Node): boolean {
  for (let child = node, current = node.parent; current && !ts.isSourceFile(current); child = current, current = current.parent) {
    if (ts.isTryStatement(current) && current.finallyBlock === child) return true;
    if (isFunctionLike(current)) {
      const call = current.parent;
      return ts.isCallExpression(call) && call.arguments.some((arg) => arg === current) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'finally';
    }
  }
  return false;
}

const FUNCTION_OBJECT_MEMBERS = new Set(['length', 'call', 'apply', 'bind']);

/** True when the body of `fn` (not of functions nested in it, arrows aside) reads `arguments`. */
export function usesArguments(fn: ts.SignatureDeclaration): boolean {
  const body = 'body' in fn ? fn.body : undefined;
  if (!body) return false;
  const visit = (node: ts.Node): boolean => {
    if (ts.isIdentifier(node)) return node.text === 'arguments' && !isMemberName(node);
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isAccessor(node)) {
      return false;
    }
    return ts.forEachChild(node, visit) ?? false;
  };
  return visit(body as ts.Node);
}

/** `arguments` in `{ arguments: {...} }` or `call.arguments`: a property's name, not a read. */
function isMemberName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isPropertyAssignment(parent) || ts.isPropertyAccessExpression(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) && parent.name === node;
}

/** `Navbar` in `<Navbar />` or `<Navbar>`: a component React calls. */
export function isJsxTag(node: ts.Node): boolean {
  const parent = node.parent;
  return (ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent)) && parent.tagName === node;
}

/** True for an identifier read as a value that is not the callee of a call, a declaration name, or an import/export. */
export function isValuePosition(node: ts.Identifier): boolean {
  const parent = node.parent;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node) return false;
  if (ts.isPropertyAccessExpression(parent)) {
    // `load.length`, `load.bind(this)`, `load.call(x, id)`: the function object itself is used.
    if (parent.expression === node) return FUNCTION_OBJECT_MEMBERS.has(parent.name.text);
    const grand = parent.parent;
    return !((ts.isCallExpression(grand) || ts.isNewExpression(grand)) && grand.expression === parent);
  }
  if (
    ts.isImportSpecifier(parent) ||
    ts.isImportClause(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isExportAssignment(parent) ||
    ts.isNamespaceImport(parent) ||
    ts.isTypeQueryNode(parent) ||
    ts.isQualifiedName(parent) ||
    ts.isTypeReferenceNode(parent)
  ) {
    return false;
  }
  if (
    (ts.isFunctionDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isParameter(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isInterfaceDeclaration(parent) ||
      ts.isTypeAliasDeclaration(parent) ||
      ts.isBindingElement(parent)) &&
    parent.name === node
  ) {
    return false;
  }
  return true;
}

/**
 * Where the first import of a file that has none goes: after its directives (before them
 * `'use strict'` would be a plain string), else before the first statement and the comments that
 * document it (a JSDoc on the line above), but after the file's header: pragmas, licenses, and
 * comments a blank line separates from the statement.
 */
export function getFirstImportPosition(file: ts.SourceFile): { pos: number; afterDirective: boolean } {
  const count = file.statements.findIndex((statement) => !isDirective(statement));
  const lastDirective = file.statements[(count < 0 ? file.statements.length : count) - 1];
  if (lastDirective) return { pos: lastDirective.end, afterDirective: true };
  const first = file.statements[0];
  if (!first) return { pos: file.end, afterDirective: false };
  let pos = first.getStart(file);
  const lineOf = (offset: number) => file.getLineAndCharacterOfPosition(offset).line;
  for (const comment of (ts.getLeadingCommentRanges(file.text, first.pos) ?? []).reverse()) {
    const body = file.text.slice(comment.pos + 2, comment.kind === ts.SyntaxKind.MultiLineCommentTrivia ? comment.end - 2 : comment.end);
    if (lineOf(pos) - lineOf(comment.end) > 1 || isFilePragma(body)) break;
    pos = comment.pos;
  }
  return { pos, afterDirective: false };
}

function isDirective(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

/**
 * Whether `name` is bound or read anywhere in `node`: a new parameter of that name would clash
 * with a declaration, capture a read of an outer binding, or be shadowed where a call needs it.
 * Property names (`a.signal`, `{ signal: x }`), strings and comments do not count.
 */
export function usesName(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node)) return node.text === name && !isPropertyName(node);
  return ts.forEachChild(node, (child) => usesName(child, name) || undefined) === true;
}

function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if ((ts.isPropertyAccessExpression(parent) || ts.isQualifiedName(parent)) && parent.getChildAt(parent.getChildCount() - 1) === node) return true;
  if (ts.isBindingElement(parent)) return parent.propertyName === node;
  const named = ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent);
  return (named && parent.name === node) || ts.isJsxAttribute(parent) || (ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) && parent.name === node;
}

/** `x as T`, `x satisfies T`, `<T>x`, `(x)`: the expression inside. */
export function skipTypeAssertions(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current) || ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

const SPAWNS = new Set(['spawn', 'fork', 'execFile']);

/**
 * `const child = spawn(writer, [path]); child.stdin.write(content)` with nothing reading
 * `child.stdout`: a process that only takes data from this one. Killed on abort it would cut
 * that write short, like `writeFile` given a signal. The per-file transforms' `isWritingChild`
 * (src/ast/is-writing-child.ts) on TypeScript's tree.
 */
export function isWritingChild(call: ts.CallExpression): boolean {
  if (!SPAWNS.has(getCalleeName(call.expression) ?? '')) return false;
  const declaration = call.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== call || !ts.isIdentifier(declaration.name)) return false;
  const hasStdio = call.arguments.some((arg) => ts.isObjectLiteralExpression(arg) && arg.properties.some((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'stdio'));
  if (hasStdio) return false;
  let owner: ts.Node | undefined = declaration.parent;
  while (owner && !isFunctionLike(owner)) owner = owner.parent;
  if (!owner) return false;
  const name = declaration.name.text;
  let writes = false;
  let readsOutput = false;
  // Nested functions too: listeners on the child are where its output is read.
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name) {
      if (node.name.text === 'stdout') readsOutput = true;
      if (node.name.text === 'stdin') writes = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(owner);
  return writes && !readsOutput;
}
