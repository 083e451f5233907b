import { ts } from 'ts-morph';
import type { ThreadRoot } from '../types.ts';
import type { ContextType } from './context-type.ts';
import type { SignalTypes } from './signal-types.ts';
import { getFunctionName, type FunctionLike } from './syntax.ts';

/** A signal a function has: its expression, and the context parameter holding it (ctx carrier). */
export interface OwnSignal {
  readonly expression: string;
  readonly context?: string;
  /** The expression may be undefined (`options?.signal`, an optional parameter). */
  readonly optional?: boolean;
  /** The expression may be null (`signal?: AbortSignal | null`): a slot that takes no null gets `?? undefined`. */
  readonly nullable?: boolean;
}

/**
 * Where a function's own signal comes from: a root from the config, a parameter typed
 * `AbortSignal`, an options bag or a context with one, a Fetch `Request`, a Hono context; and
 * which parameter is a Node response a signal can be made from.
 */
export class SignalSources {
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly types: SignalTypes,
    private readonly context: ContextType | undefined,
    private readonly roots: readonly ThreadRoot[],
  ) {}

  /** The configured root for `fn` or one of its parameters, with `$` standing for the parameter. */
  private getConfiguredSignal(fn: FunctionLike): OwnSignal | undefined {
    const name = getFunctionName(fn);
    for (const root of this.roots) {
      if ('function' in root && root.function === name) return { expression: root.signal };
    }
    const typeRoots = this.roots.filter((root): root is Extract<ThreadRoot, { type: string }> => 'type' in root);
    if (typeRoots.length === 0) return undefined;
    for (const param of fn.parameters) {
      if (!ts.isIdentifier(param.name)) continue;
      const names = this.getTypeNames(param);
      const root = typeRoots.find((candidate) => names.has(candidate.type));
      if (root) return { expression: root.signal.replace(/(?<![\w$])\$(?![\w$])/g, param.name.text) };
    }
    return undefined;
  }

  /** The names a parameter's type goes by: as written (`lambda.Context`, `Context`), its symbol's and its alias'. */
  private getTypeNames(param: ts.ParameterDeclaration): Set<string> {
    const names = new Set<string>();
    const file = param.getSourceFile();
    if (param.type && ts.isTypeReferenceNode(param.type)) {
      names.add(param.type.typeName.getText(file));
      names.add(ts.isQualifiedName(param.type.typeName) ? param.type.typeName.right.text : param.type.typeName.text);
    }
    const type = this.checker.getNonNullableType(this.checker.getTypeAtLocation(param.name));
    for (const symbol of [type.getSymbol(), type.aliasSymbol]) if (symbol) names.add(symbol.getName());
    return names;
  }

  /** The signal `fn` itself has: a configured root, a parameter, an options property, a Request, a Hono context. */
  /** `fn` gets its signal from the `thread.roots` config. */
  isConfiguredRoot(fn: FunctionLike): boolean {
    return this.getConfiguredSignal(fn) !== undefined;
  }

  getOwnSignal(fn: FunctionLike): OwnSignal | undefined {
    const configured = this.getConfiguredSignal(fn);
    if (configured) return configured;
    for (const param of fn.parameters) {
      if (ts.isObjectBindingPattern(param.name)) {
        for (const element of param.name.elements) {
          const type = this.checker.getTypeAtLocation(element.name);
          if (ts.isIdentifier(element.name) && this.types.isSignalNamed(element.name, type)) {
            return { expression: element.name.text, optional: this.types.mayBeUndefined(type) || param.questionToken !== undefined, ...(this.types.mayBeNull(type) && { nullable: true }) };
          }
        }
        continue;
      }
      if (!ts.isIdentifier(param.name)) continue;
      const name = param.name.text;
      const type = this.checker.getTypeAtLocation(param.name);
      if (this.types.isSignalNamed(param.name, type)) {
        return { expression: name, optional: (this.types.mayBeUndefined(type) || param.questionToken !== undefined) && !param.initializer, ...(this.types.mayBeNull(type) && { nullable: true }) };
      }
      const nonNull = this.checker.getNonNullableType(type);
      if (!(nonNull.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) continue;
      const optional = (param.questionToken !== undefined || nonNull !== type) && param.initializer === undefined;
      const access = optional ? '?.' : '.';
      if (this.context && !optional && nonNull.getSymbol() === this.context.symbol) return { expression: `${name}.${this.context.signalProperty}`, context: name };
      for (const prop of this.checker.getPropertiesOfType(nonNull)) {
        const propType = this.checker.getTypeOfSymbolAtLocation(prop, param);
        if (this.types.isAbortSignal(propType)) {
          const expression = `${name}${access}${prop.getName()}`;
          return { expression, optional: optional || (prop.flags & ts.SymbolFlags.Optional) !== 0 || this.types.mayBeUndefined(propType), ...(this.types.mayBeNull(propType) && { nullable: true }) };
        }
      }
      // Hono: `c.req.raw` is the Fetch Request.
      const req = nonNull.getProperty('req');
      const raw = req && this.checker.getTypeOfSymbolAtLocation(req, param).getProperty('raw');
      const rawSignal = raw && this.checker.getTypeOfSymbolAtLocation(raw, param).getProperty('signal');
      if (rawSignal && this.types.isAbortSignal(this.checker.getTypeOfSymbolAtLocation(rawSignal, param))) return { expression: `${name}${access}req.raw.signal`, optional };
    }
    return undefined;
  }

  /**
   * A signal `fn` makes for itself before `site`: `const controller = new AbortController()` gives
   * `controller.signal`, `const signal = AbortSignal.timeout(ms)` (or `.any([...])`) gives `signal`.
   * Only a declaration among the body's own statements counts, and only while its name still
   * means it at the site (an inner binding may hide it).
   */
  getLocalSignal(fn: FunctionLike, site: ts.Node): OwnSignal | undefined {
    if (!fn.body || !ts.isBlock(fn.body)) return undefined;
    const file = site.getSourceFile();
    for (const statement of fn.body.statements) {
      if (statement.end > site.getStart(file)) break;
      if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const expression = getMadeSignal(declaration.name.text, declaration.initializer);
        if (expression === undefined) continue;
        const symbol = this.checker.getSymbolAtLocation(declaration.name);
        if (symbol && this.checker.resolveName(declaration.name.text, site, ts.SymbolFlags.Value, false) === symbol) return { expression };
      }
    }
    return undefined;
  }

  /** A Node `http` / Express response parameter: a signal can be made from its 'close'. */
  getResponseParam(fn: FunctionLike): string | undefined {
    for (const param of fn.parameters) {
      if (!ts.isIdentifier(param.name)) continue;
      // `createServer`'s listener gets `InstanceType<Response> & ...` of a type parameter: ask its apparent type.
      const type = this.checker.getApparentType(this.checker.getTypeAtLocation(param.name));
      const has = (name: string) => this.checker.getPropertyOfType(type, name) !== undefined;
      if (has('writableFinished') && has('on') && has('setHeader')) return param.name.text;
    }
    return undefined;
  }
}

/** What a variable named `name` initialised with `init` holds a signal as: a new controller's, or a made signal. */
function getMadeSignal(name: string, init: ts.Expression): string | undefined {
  if (ts.isNewExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'AbortController') return `${name}.signal`;
  const made =
    ts.isCallExpression(init) &&
    ts.isPropertyAccessExpression(init.expression) &&
    ts.isIdentifier(init.expression.expression) &&
    init.expression.expression.text === 'AbortSignal' &&
    ['timeout', 'any'].includes(init.expression.name.text);
  return made ? name : undefined;
}
