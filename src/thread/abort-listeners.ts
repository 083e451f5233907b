import { ts } from 'ts-morph';
import { getNameNode, type FunctionLike } from './syntax.ts';

/** A function registered for a signal's 'abort' event: the signal, and what it is given as the listener. */
interface Registration {
  readonly signal: ts.Expression;
  readonly listener: ts.Expression;
}

/**
 * The 'abort' listeners of each file: `signal.addEventListener('abort', fn)` (with or without
 * `{ once: true }`), `signal.onabort = fn` and `addAbortListener(signal, fn)` (node:events), with
 * `fn` inline or a function or variable it names. Code in such a listener runs once its signal
 * has aborted: that signal has nothing left to cancel there, and would make a call given it fail
 * at once (a cancellation notice that is never sent).
 */
export class AbortListeners {
  private readonly byFile = new Map<ts.SourceFile, readonly Registration[]>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** Whether the file registers any 'abort' listener: only then is a function worth asking about. */
  hasListeners(file: ts.SourceFile): boolean {
    return this.getRegistrations(file).length > 0;
  }

  /** Whether `fn` is registered as an 'abort' listener of any signal. */
  isListener(fn: FunctionLike): boolean {
    return this.getRegistrations(fn.getSourceFile()).some((registration) => this.names(registration.listener, fn));
  }

  /** Whether `fn` is registered as an 'abort' listener of the signal `expression` reads. */
  listensTo(fn: FunctionLike, expression: string): boolean {
    const wanted = normalize(expression);
    return this.getRegistrations(fn.getSourceFile()).some(
      (registration) => this.names(registration.listener, fn) && this.getSignalTexts(registration.signal).includes(wanted),
    );
  }

  private getRegistrations(file: ts.SourceFile): readonly Registration[] {
    const known = this.byFile.get(file);
    if (known) return known;
    const found: Registration[] = [];
    if (/\babort\b|addAbortListener|onabort/.test(file.text)) {
      const visit = (node: ts.Node): void => {
        const registration = getRegistration(node);
        if (registration) found.push(registration);
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
    this.byFile.set(file, found);
    return found;
  }

  /**
   * `listener` is `fn` itself, or a name bound to it (`const onAbort = () => ...`, `onAbort = () => ...`,
   * `function onAbort() {}`), or a method or property of the class it is in (`this.onAbort`), each
   * also as `<it>.bind(...)`.
   */
  private names(listener: ts.Expression, fn: FunctionLike): boolean {
    const node = getBoundFunction(skipParentheses(listener));
    if (node === fn) return true;
    const isThisMember = (ts.isPropertyAccessExpression(node) || ts.isPropertyAccessChain(node)) && node.expression.kind === ts.SyntaxKind.ThisKeyword;
    if (!ts.isIdentifier(node) && !isThisMember) return false;
    const symbol = this.checker.getSymbolAtLocation(node);
    if (!symbol) return false;
    const parent = fn.parent;
    const assigned =
      ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === fn && ts.isIdentifier(parent.left)
        ? parent.left
        : undefined;
    const name = assigned ?? getNameNode(fn);
    return name !== undefined && this.checker.getSymbolAtLocation(name) === symbol;
  }

  /**
   * The texts the signal is read by: itself, and what a const it names holds (`const s =
   * options.signal`, `const { signal } = options`).
   */
  private getSignalTexts(signal: ts.Expression): string[] {
    const texts = [normalize(signal.getText())];
    const node = skipParentheses(signal);
    const declaration = ts.isIdentifier(node) ? this.checker.getSymbolAtLocation(node)?.valueDeclaration : undefined;
    if (!declaration || !(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return texts;
    if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) && declaration.initializer) {
      texts.push(normalize(declaration.initializer.getText()));
    }
    const pattern = ts.isBindingElement(declaration) ? declaration.parent : undefined;
    const holder = pattern && ts.isObjectBindingPattern(pattern) && ts.isVariableDeclaration(pattern.parent) ? pattern.parent.initializer : undefined;
    if (holder && ts.isBindingElement(declaration) && !declaration.dotDotDotToken) {
      const key = declaration.propertyName ?? declaration.name;
      if (ts.isIdentifier(key)) texts.push(normalize(`${holder.getText()}.${key.text}`));
    }
    return texts;
  }
}

function getRegistration(node: ts.Node): Registration | undefined {
  if (ts.isCallExpression(node)) {
    const [first, second] = node.arguments;
    const callee = node.expression;
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (method === 'addEventListener' && ts.isPropertyAccessExpression(callee) && first && second && ts.isStringLiteralLike(first) && first.text === 'abort') {
      return { signal: callee.expression, listener: second };
    }
    if (method === 'addAbortListener' && first && second) return { signal: first, listener: second };
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = skipParentheses(node.left);
    if (ts.isPropertyAccessExpression(left) && left.name.text === 'onabort') return { signal: left.expression, listener: node.right };
  }
  return undefined;
}

/** `fn.bind(thisArg, ...args)` calls `fn`: the function bound, else the expression itself. */
function getBoundFunction(node: ts.Expression): ts.Expression {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'bind') return node;
  return skipParentheses(node.expression.expression);
}

function skipParentheses(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current)) current = current.expression;
  return current;
}

/** `options?.signal!` and `options.signal` read the same signal. */
function normalize(text: string): string {
  return text.replace(/\s+/g, '').replace(/\?\./g, '.').replace(/[()!]/g, '');
}
