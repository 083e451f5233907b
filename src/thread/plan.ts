import { ts } from 'ts-morph';
import { CATALOG } from '../catalog/entries.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import type { TextEdit } from './text-edits.ts';

/** How the pass threads signals. The CLI and (later) the `thread` config key fill it. */
export interface ThreadOptions {
  /**
   * `signal` (default): a trailing `signal?: AbortSignal` parameter. `options`: a `signal?: AbortSignal`
   * property of the trailing options-bag parameter (its inline type or its interface / type alias
   * in the project), or a new `options?: { signal?: AbortSignal }` parameter when there is none.
   */
  readonly carrier?: 'signal' | 'options';
  /** Name of the added parameter. Default `signal`. */
  readonly paramName?: string;
  /** Add the parameter as required (`signal: AbortSignal`) instead of optional. */
  readonly required?: boolean;
  /**
   * Absolute names of the files the pass may change (the paths given to `migrate`); default: every
   * file of the program. Functions elsewhere are not threaded (reported) and their calls not edited.
   */
  readonly files?: ReadonlySet<string>;
  /** Extra catalog entries: their names make calls candidates for sinks. */
  readonly catalog?: readonly CatalogEntry[];
}

export interface PlannedFinding {
  readonly kind: 'edit' | 'manual';
  readonly pos: number;
  readonly message: string;
}

export interface ThreadPlan {
  /** Absolute file name -> edits. */
  readonly edits: Map<string, TextEdit[]>;
  readonly findings: Map<string, PlannedFinding[]>;
}

type FunctionLike =
  | ts.FunctionDeclaration
  | ts.MethodDeclaration
  | ts.ArrowFunction
  | ts.FunctionExpression
  | ts.ConstructorDeclaration;

/** Where a call gets its signal from. */
type Carrier =
  | { readonly kind: 'root'; readonly expression: string }
  | { readonly kind: 'thread'; readonly fn: FunctionLike }
  | { readonly kind: 'none'; readonly reason: string };

const MESSAGES = {
  topLevel: 'no enclosing function to thread a signal through (module top level): the call gets none',
  callback: 'reached a callback with no signal and no callers to thread through: the call gets none',
  rest: 'has a rest parameter: a signal parameter cannot follow it; thread it by hand',
  constructor: (cls: string) => `the constructor of ${cls}: constructors are not threaded; thread a signal through it by hand`,
  valueUse: (name: string) => `${name} is used as a value here (callback or stored): adding a parameter would change what it receives; thread it by hand`,
  valueUseAt: (name: string) => `${name} is also used as a value (see the site reported there)`,
  family: (name: string) => `${name} implements or overrides a base member: callers through the base type would not pass the signal; change the family by hand`,
  overloads: (name: string) => `${name} has overloads with different parameter counts: thread it by hand`,
  nameTaken: (name: string, param: string) => `${name} already uses the name \`${param}\`: not threaded`,
  spread: 'the call spreads its arguments: pass the signal by hand',
  optionsValue: 'the options are passed as a value: add the signal to them by hand',
  optionsSpread: 'the options object spreads another object that may carry a signal: check it by hand',
  threaded: (name: string, param: string) => `threads \`${param}\` through ${name}`,
  passed: (expression: string, callee: string) => `passes \`${expression}\` to ${callee}`,
  controller: 'creates an AbortController aborted when the response closes before it finished',
  generated: 'generated file: not changed',
  outside: (name: string) => `${name} is outside the paths being migrated: not changed`,
} as const;

/** Calls whose callee's last name is one of these may be sinks. */
function getCatalogNames(extra: readonly CatalogEntry[] = []): Set<string> {
  const names = new Set<string>(['axios', 'got', 'ky', 'fetch', 'request', 'undici']);
  for (const entry of [...CATALOG, ...extra]) {
    for (const alternative of entry.path.split('|')) {
      const last = alternative.split('.').pop();
      if (last && last !== '*') names.add(last);
    }
    if (entry.instance && entry.path === '*') for (const name of ['create', 'send', 'list', 'retrieve', 'stream']) names.add(name);
  }
  return names;
}

function getCalleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

function isGenerated(file: ts.SourceFile): boolean {
  return /@generated|DO NOT EDIT/.test(file.text.slice(0, 500));
}

function isFunctionLike(node: ts.Node): node is FunctionLike {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isConstructorDeclaration(node)
  );
}

/** The name callers use for `fn`, when it has one callers can call it by. */
function getFunctionName(fn: FunctionLike): string | undefined {
  if (ts.isConstructorDeclaration(fn)) return 'constructor';
  if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) {
    return fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteral(fn.name)) ? fn.name.text : undefined;
  }
  const parent = fn.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === fn) {
    return ts.isIdentifier(parent.name) ? parent.name.text : undefined;
  }
  return undefined;
}

/** The symbol callers resolve to: the name of the declaration (variable for arrows). */
function getNameNode(fn: FunctionLike): ts.Node | undefined {
  if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) return fn.name;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name;
  return undefined;
}

function isDefaultExport(fn: FunctionLike): boolean {
  return ts.isFunctionDeclaration(fn) && (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Default) !== 0;
}

interface Slot {
  readonly index: number;
  /** Property of an options object; undefined: the parameter itself is the signal. */
  readonly property?: string;
  /** The options type also takes `encoding` (a string there is an encoding). */
  readonly encoding: boolean;
}

/**
 * Plans the thread-signal pass over a whole program: finds calls of signal-aware callees that get
 * no signal, and threads one to them through every caller up to a function that has one.
 */
export function planThread(program: ts.Program, options: ThreadOptions = {}): ThreadPlan {
  const checker = program.getTypeChecker();
  const paramName = options.paramName ?? 'signal';
  const plan: ThreadPlan = { edits: new Map(), findings: new Map() };
  const files = program.getSourceFiles().filter((file) => !file.isDeclarationFile && !file.fileName.includes('/node_modules/'));

  const addEdit = (node: ts.Node, edit: TextEdit) => {
    const name = node.getSourceFile().fileName;
    const list = plan.edits.get(name) ?? [];
    list.push(edit);
    plan.edits.set(name, list);
  };
  const report = (node: ts.Node, kind: PlannedFinding['kind'], message: string) => {
    const file = node.getSourceFile();
    const list = plan.findings.get(file.fileName) ?? [];
    const pos = node.getStart(file);
    if (!list.some((finding) => finding.pos === pos && finding.message === message)) list.push({ kind, pos, message });
    plan.findings.set(file.fileName, list);
  };

  // 1. Syntactic sweep: calls by callee name, names of signal-typed things, default imports.
  const callsByName = new Map<string, ts.CallLikeExpression[]>();
  const signalTypeNames = new Set<string>();
  const signalFunctionNames = new Set<string>();
  const defaultImportNames = new Set<string>();
  const generated = new Set<ts.SourceFile>();
  /** Identifiers read as values other than as callees, by name: candidates for functions used as values. */
  const valueIdentifiers = new Map<string, ts.Identifier[]>();
  for (const file of files) {
    if (isGenerated(file)) generated.add(file);
    const mentionsSignal = file.text.includes('AbortSignal');
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const name = getCalleeName(node.expression);
        if (name !== undefined) {
          const list = callsByName.get(name) ?? [];
          list.push(node);
          callsByName.set(name, list);
        }
      } else if (ts.isIdentifier(node)) {
        if (isValuePosition(node)) {
          const list = valueIdentifiers.get(node.text) ?? [];
          list.push(node);
          valueIdentifiers.set(node.text, list);
        }
      } else if (ts.isImportClause(node) && node.name) {
        defaultImportNames.add(node.name.text);
      } else if (mentionsSignal && (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.getText(file).includes('AbortSignal')) {
        signalTypeNames.add(node.name.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  // Functions whose parameters mention AbortSignal or a type that carries one: their callers are candidates.
  for (const file of files) {
    const visit = (node: ts.Node): void => {
      if (isFunctionLike(node) || ts.isMethodSignature(node) || ts.isFunctionTypeNode(node)) {
        const text = node.parameters.map((p) => p.type?.getText(file) ?? '').join(' ');
        const name = isFunctionLike(node) ? getFunctionName(node) : ts.isMethodSignature(node) && ts.isIdentifier(node.name) ? node.name.text : undefined;
        if (name && (text.includes('AbortSignal') || [...signalTypeNames].some((type) => new RegExp(`\\b${type}\\b`).test(text)))) {
          signalFunctionNames.add(name);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  const isEditable = (file: ts.SourceFile) =>
    !file.isDeclarationFile && !generated.has(file) && (options.files === undefined || options.files.has(file.fileName));

  const isAbortSignal = (type: ts.Type): boolean => {
    const symbol = checker.getNonNullableType(type).getSymbol();
    return symbol?.getName() === 'AbortSignal' && (symbol.getDeclarations() ?? []).some((d) => d.getSourceFile().isDeclarationFile);
  };

  /** The first optional parameter of the signature that takes a signal, directly or as an options property. */
  const getSlot = (signature: ts.Signature, at: ts.Node): Slot | undefined => {
    const params = signature.getParameters();
    for (let index = 0; index < params.length; index++) {
      const param = params[index]!;
      const declaration = param.valueDeclaration;
      if (declaration && ts.isParameter(declaration) && declaration.dotDotDotToken) return undefined;
      const type = checker.getTypeOfSymbolAtLocation(param, at);
      if (isAbortSignal(type)) return { index, encoding: false };
      const nonNull = checker.getNonNullableType(type);
      const parts = nonNull.isUnion() ? nonNull.types : [nonNull];
      let encoding = false;
      let property: string | undefined;
      for (const part of parts) {
        if (!(part.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) || part.getCallSignatures().length > 0) continue;
        for (const prop of checker.getPropertiesOfType(part)) {
          if (prop.getName() === 'encoding') encoding = true;
          if (property === undefined && prop.flags & ts.SymbolFlags.Optional && isAbortSignal(checker.getTypeOfSymbolAtLocation(prop, at))) {
            property = prop.getName();
          }
        }
      }
      if (property !== undefined) return { index, property, encoding };
    }
    return undefined;
  };

  /** The signal `fn` itself has: a parameter, an options property, a Request, a Hono context. */
  const getOwnSignal = (fn: FunctionLike): string | undefined => {
    for (const param of fn.parameters) {
      if (ts.isObjectBindingPattern(param.name)) {
        for (const element of param.name.elements) {
          if (ts.isIdentifier(element.name) && isAbortSignal(checker.getTypeAtLocation(element.name))) return element.name.text;
        }
        continue;
      }
      if (!ts.isIdentifier(param.name)) continue;
      const name = param.name.text;
      const type = checker.getTypeAtLocation(param.name);
      if (isAbortSignal(type)) return name;
      const nonNull = checker.getNonNullableType(type);
      if (!(nonNull.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) continue;
      const optional = (param.questionToken !== undefined || nonNull !== type) && param.initializer === undefined;
      const access = optional ? '?.' : '.';
      for (const prop of checker.getPropertiesOfType(nonNull)) {
        if (isAbortSignal(checker.getTypeOfSymbolAtLocation(prop, param))) return `${name}${access}${prop.getName()}`;
      }
      // Hono: `c.req.raw` is the Fetch Request.
      const req = nonNull.getProperty('req');
      const raw = req && checker.getTypeOfSymbolAtLocation(req, param).getProperty('raw');
      const rawSignal = raw && checker.getTypeOfSymbolAtLocation(raw, param).getProperty('signal');
      if (rawSignal && isAbortSignal(checker.getTypeOfSymbolAtLocation(rawSignal, param))) return `${name}${access}req.raw.signal`;
    }
    return undefined;
  };

  /** A Node `http` / Express response parameter: a signal can be made from its 'close'. */
  const getResponseParam = (fn: FunctionLike): string | undefined => {
    for (const param of fn.parameters) {
      if (!ts.isIdentifier(param.name)) continue;
      // `createServer`'s listener gets `InstanceType<Response> & ...` of a type parameter: ask its apparent type.
      const type = checker.getApparentType(checker.getTypeAtLocation(param.name));
      const has = (name: string) => checker.getPropertyOfType(type, name) !== undefined;
      if (has('writableFinished') && has('on') && has('setHeader')) return param.name.text;
    }
    return undefined;
  };

  const controllers = new Map<FunctionLike, string | undefined>();
  /** Makes (once per handler) `const controller = new AbortController()` aborted on an unfinished 'close'. */
  const getHandlerSignal = (fn: FunctionLike, res: string): string | undefined => {
    if (controllers.has(fn)) return controllers.get(fn);
    let result: string | undefined;
    if (fn.body && ts.isBlock(fn.body) && isEditable(fn.getSourceFile())) {
      const file = fn.getSourceFile();
      const bodyText = fn.body.getText(file);
      const name = ['controller', 'abortController', 'requestController'].find((n) => !new RegExp(`\\b${n}\\b`).test(bodyText));
      const first = fn.body.statements[0];
      if (name && first) {
        const lineStart = file.text.lastIndexOf('\n', first.getStart(file) - 1) + 1;
        const indent = file.text.slice(lineStart, first.getStart(file));
        const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
        addEdit(fn, {
          start: lineStart,
          end: lineStart,
          text:
            `${indent}const ${name} = new AbortController();${eol}` +
            `${indent}${res}.on('close', () => {${eol}${indent}  if (!${res}.writableFinished) ${name}.abort();${eol}${indent}});${eol}`,
        });
        report(fn, 'edit', MESSAGES.controller);
        result = `${name}.signal`;
      }
    }
    controllers.set(fn, result);
    return result;
  };

  const getCarrier = (node: ts.Node): Carrier => {
    let callback = false;
    for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
      if (!isFunctionLike(current)) continue;
      const own = getOwnSignal(current);
      if (own) return { kind: 'root', expression: own };
      if (getFunctionName(current) !== undefined) return { kind: 'thread', fn: current };
      const res = getResponseParam(current);
      if (res) {
        const expression = getHandlerSignal(current, res);
        if (expression) return { kind: 'root', expression };
      }
      // An anonymous callback: it captures the signal of the function around it.
      callback = true;
    }
    return { kind: 'none', reason: callback ? MESSAGES.callback : MESSAGES.topLevel };
  };

  const getSymbol = (node: ts.Node | undefined): ts.Symbol | undefined => {
    if (!node) return undefined;
    const symbol = checker.getSymbolAtLocation(node);
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  };

  /** Identifiers that refer to `symbol` other than by calling it: callbacks, stored values. */
  const getValueUses = (name: string, symbol: ts.Symbol): ts.Node[] => {
    const uses: ts.Node[] = [];
    for (const node of valueIdentifiers.get(name) ?? []) {
      const parent = node.parent;
      const resolved = ts.isShorthandPropertyAssignment(parent) ? checker.getShorthandAssignmentValueSymbol(parent) : getSymbol(node);
      if (resolved === symbol) uses.push(node);
    }
    return uses;
  };

  /** Threaded functions: where callers pass the signal and the expression inside; false: could not. */
  const marked = new Map<FunctionLike, { readonly slot: Slot; readonly expression: string } | false>();
  const queue: FunctionLike[] = [];

  /** Plans the new parameter of `fn` (and its overloads); false (reported) when it cannot. */
  const mark = (fn: FunctionLike, site: ts.Node): string | undefined => {
    const known = marked.get(fn);
    if (known !== undefined) {
      if (!known) report(site, 'manual', `not threaded: ${getFunctionName(fn) ?? 'the function'} could not take a signal (see the site reported there)`);
      return known ? known.expression : undefined;
    }
    const name = getFunctionName(fn) ?? 'the function';
    const file = fn.getSourceFile();
    const fail = (message: string) => {
      marked.set(fn, false);
      report(fn, 'manual', message);
      report(site, 'manual', `not threaded: ${message}`);
      return undefined;
    };
    if (generated.has(file)) return fail(MESSAGES.generated);
    if (!isEditable(file)) return fail(MESSAGES.outside(name));
    if (ts.isConstructorDeclaration(fn)) return fail(MESSAGES.constructor(fn.parent.name?.text ?? 'the class'));
    const symbol = getSymbol(getNameNode(fn));
    const declarations = (symbol?.getDeclarations() ?? [fn]).filter(
      (d): d is ts.FunctionDeclaration | ts.MethodDeclaration => ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d),
    );
    const signatures: readonly ts.SignatureDeclaration[] = declarations.length > 1 ? declarations : [fn];
    if (signatures.some((s) => s.parameters.some((p) => p.dotDotDotToken))) return fail(`${name} ${MESSAGES.rest}`);
    if (new Set(signatures.map((s) => s.parameters.length)).size > 1) return fail(MESSAGES.overloads(name));
    const bag = options.carrier === 'options' ? getOptionsBag(fn) : undefined;
    const newName = options.carrier === 'options' ? 'options' : paramName;
    if (bag && signatures.length > 1) return fail(MESSAGES.overloads(name));
    if (!bag && (fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === newName) || new RegExp(`\\b${newName}\\b`).test(fn.body?.getText(file) ?? ''))) {
      return fail(MESSAGES.nameTaken(name, newName));
    }
    if (ts.isMethodDeclaration(fn) && isFamilyMember(fn, name)) return fail(MESSAGES.family(name));
    if (symbol) {
      const uses = getValueUses(getFunctionName(fn) ?? '', symbol);
      if (uses.length > 0) {
        for (const use of uses) report(use, 'manual', MESSAGES.valueUse(name));
        return fail(MESSAGES.valueUseAt(name));
      }
    }
    let info: { slot: Slot; expression: string };
    if (bag) {
      addBagMember(bag.members);
      info = { slot: { index: fn.parameters.length - 1, property: 'signal', encoding: false }, expression: `${bag.name}${bag.optional ? '?.' : '.'}signal` };
    } else if (options.carrier === 'options') {
      for (const signature of signatures) addParameter(signature, isJs(fn) ? 'options' : 'options?: { signal?: AbortSignal }');
      info = { slot: { index: fn.parameters.length, property: 'signal', encoding: false }, expression: 'options?.signal' };
    } else {
      for (const signature of signatures) addParameter(signature);
      info = { slot: { index: fn.parameters.length, encoding: false }, expression: paramName };
    }
    marked.set(fn, info);
    report(fn, 'edit', MESSAGES.threaded(name, info.expression));
    queue.push(fn);
    return info.expression;
  };

  const isFamilyMember = (fn: ts.MethodDeclaration, name: string): boolean => {
    const owner = fn.parent;
    if (!ts.isClassLike(owner)) return false;
    for (const clause of owner.heritageClauses ?? []) {
      for (const type of clause.types) {
        if (checker.getTypeAtLocation(type).getProperty(name)) return true;
      }
    }
    // Subclasses overriding it would be called through this declaration without a signal.
    return false;
  };

  const isJs = (node: ts.Node) => /\.[cm]?jsx?$/.test(node.getSourceFile().fileName);

  /** The trailing options-bag parameter of `fn` whose type the project declares, if any. */
  const getOptionsBag = (fn: FunctionLike): { name: string; optional: boolean; members: ts.TypeLiteralNode | ts.InterfaceDeclaration } | undefined => {
    const last = fn.parameters[fn.parameters.length - 1];
    if (!last || !ts.isIdentifier(last.name) || !last.type || last.dotDotDotToken) return undefined;
    // A default value makes it defined inside the function.
    const optional = last.questionToken !== undefined && last.initializer === undefined;
    if (ts.isTypeLiteralNode(last.type)) return { name: last.name.text, optional, members: last.type };
    if (!ts.isTypeReferenceNode(last.type) || !ts.isIdentifier(last.type.typeName) || last.type.typeArguments) return undefined;
    const declaration = getSymbol(last.type.typeName)?.getDeclarations()?.[0];
    if (!declaration || !isEditable(declaration.getSourceFile())) return undefined;
    if (declaration.getSourceFile().fileName.includes('/node_modules/')) return undefined;
    if (ts.isInterfaceDeclaration(declaration)) return { name: last.name.text, optional, members: declaration };
    if (ts.isTypeAliasDeclaration(declaration) && ts.isTypeLiteralNode(declaration.type)) return { name: last.name.text, optional, members: declaration.type };
    return undefined;
  };

  /** Adds `signal?: AbortSignal` to an options type, in its layout (one line or one member a line). */
  const addBagMember = (container: ts.TypeLiteralNode | ts.InterfaceDeclaration) => {
    const file = container.getSourceFile();
    const members = container.members;
    const member = 'signal?: AbortSignal';
    const last = members[members.length - 1];
    const first = members[0];
    if (!last || !first) {
      addEdit(container, { start: members.pos, end: members.end, text: ` ${member} ` });
      return;
    }
    const lastText = last.getText(file);
    const separator = /[;,]$/.test(lastText) ? '' : ';';
    if (file.text.slice(members.pos, first.getStart(file)).includes('\n')) {
      const lineStart = file.text.lastIndexOf('\n', last.getStart(file) - 1) + 1;
      const indent = file.text.slice(lineStart, last.getStart(file));
      const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
      addEdit(container, { start: last.end, end: last.end, text: `${separator}${eol}${indent}${member};` });
    } else {
      addEdit(container, { start: last.end, end: last.end, text: `${separator} ${member}${separator ? '' : ';'}` });
    }
  };

  const addParameter = (fn: ts.SignatureDeclaration, parameter?: string) => {
    const file = fn.getSourceFile();
    const typed = !isJs(fn);
    const text = parameter ?? (typed ? `${paramName}${options.required ? '' : '?'}: AbortSignal` : paramName);
    const last = fn.parameters[fn.parameters.length - 1];
    if (last) {
      if (ts.isArrowFunction(fn) && !file.text.slice(fn.getStart(file), last.getStart(file)).includes('(')) {
        // `x => ...`: needs parentheses now.
        addEdit(fn, { start: last.getStart(file), end: last.getStart(file), text: '(' });
        addEdit(fn, { start: last.end, end: last.end, text: `, ${text})` });
      } else {
        addEdit(fn, { start: last.end, end: last.end, text: `, ${text}` });
      }
    } else {
      addEdit(fn, { start: fn.parameters.pos, end: fn.parameters.pos, text });
    }
  };

  /** Passes `expression` as the signal argument at `index` (after `undefined` for skipped ones). */
  const addArgument = (call: ts.CallLikeExpression, index: number, text: string): boolean => {
    if (!ts.isCallExpression(call) && !ts.isNewExpression(call)) return false;
    const args = call.arguments ?? ts.factory.createNodeArray();
    if (args.some((arg) => ts.isSpreadElement(arg))) {
      report(call, 'manual', MESSAGES.spread);
      return false;
    }
    if (!call.arguments) return false;
    const fill = Array.from({ length: Math.max(0, index - args.length) }, () => 'undefined');
    const last = args[args.length - 1];
    if (last) addEdit(call, { start: last.end, end: last.end, text: `, ${[...fill, text].join(', ')}` });
    else addEdit(call, { start: args.pos, end: args.pos, text: [...fill, text].join(', ') });
    return true;
  };

  const getCarrierExpression = (call: ts.Node): string | undefined => {
    const carrier = getCarrier(call);
    if (carrier.kind === 'root') return carrier.expression;
    if (carrier.kind === 'thread') return mark(carrier.fn, call);
    report(call, 'manual', carrier.reason);
    return undefined;
  };

  const getCallee = (call: ts.CallLikeExpression): string => {
    const file = call.getSourceFile();
    return ts.isCallExpression(call) || ts.isNewExpression(call) ? call.expression.getText(file) : 'the callee';
  };

  /** A call of a signal-aware callee without a signal: give it the one in scope, threading as needed. */
  const handleSink = (call: ts.CallExpression | ts.NewExpression, slot: Slot) => {
    const file = call.getSourceFile();
    const args = call.arguments ?? [];
    const arg = args[slot.index];
    if (args.some((a) => ts.isSpreadElement(a))) return;
    if (arg && slot.property === undefined) return;
    if (arg && ts.isObjectLiteralExpression(arg)) {
      if (arg.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === slot.property)) return;
      if (arg.properties.some((p) => ts.isSpreadAssignment(p))) {
        report(call, 'manual', MESSAGES.optionsSpread);
        return;
      }
    } else if (arg && !(slot.encoding && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)))) {
      if (ts.isIdentifier(arg) && arg.text === 'undefined') {
        // fall through: replaced below
      } else {
        report(call, 'manual', MESSAGES.optionsValue);
        return;
      }
    }
    if (!isEditable(file)) return;
    const expression = getCarrierExpression(call);
    if (expression === undefined) return;
    const value = slot.property === undefined ? expression : expression === slot.property ? `{ ${expression} }` : `{ ${slot.property}: ${expression} }`;
    if (!arg) {
      if (addArgument(call, slot.index, value)) report(call, 'edit', MESSAGES.passed(expression, getCallee(call)));
      return;
    }
    const property = expression === slot.property ? expression : `${slot.property}: ${expression}`;
    if (ts.isObjectLiteralExpression(arg)) {
      const lastProp = arg.properties[arg.properties.length - 1];
      if (lastProp) addEdit(call, { start: lastProp.end, end: lastProp.end, text: `, ${property}` });
      else addEdit(call, { start: arg.getStart(file), end: arg.end, text: `{ ${property} }` });
    } else if (ts.isIdentifier(arg)) {
      addEdit(call, { start: arg.getStart(file), end: arg.end, text: value });
    } else {
      addEdit(call, { start: arg.getStart(file), end: arg.end, text: `{ encoding: ${arg.getText(file)}, ${property} }` });
    }
    report(call, 'edit', MESSAGES.passed(expression, getCallee(call)));
  };

  // 2. Sinks: candidate calls whose resolved signature has an unfilled signal slot.
  const candidateNames = new Set([...getCatalogNames(options.catalog), ...signalFunctionNames]);
  for (const name of candidateNames) {
    for (const call of callsByName.get(name) ?? []) {
      if (!ts.isCallExpression(call) && !ts.isNewExpression(call)) continue;
      const signature = checker.getResolvedSignature(call);
      if (!signature) continue;
      const slot = getSlot(signature, call);
      if (slot) handleSink(call, slot);
    }
  }

  // 3. Worklist: callers of each threaded function pass the signal, threading their own callers.
  while (queue.length > 0) {
    const fn = queue.shift()!;
    const name = getFunctionName(fn);
    if (name === undefined) continue;
    const symbol = getSymbol(getNameNode(fn));
    const names = new Set([name, ...(isDefaultExport(fn) ? defaultImportNames : [])]);
    const info = marked.get(fn);
    if (!info) continue;
    for (const callName of names) {
      for (const call of callsByName.get(callName) ?? []) {
        if (!ts.isCallExpression(call)) continue;
        const signature = checker.getResolvedSignature(call);
        const declaration = signature?.getDeclaration();
        const target = declaration && (declaration === fn || getSymbol(getNameNode(declaration as FunctionLike)) === symbol);
        const byVariable = !target && symbol && getSymbol(call.expression) === symbol;
        if (!target && !byVariable) continue;
        if (!isEditable(call.getSourceFile())) continue;
        handleSink(call, info.slot);
      }
    }
  }
  return plan;
}

/** True for an identifier read as a value that is not the callee of a call, a declaration name, or an import/export. */
function isValuePosition(node: ts.Identifier): boolean {
  const parent = node.parent;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node) return false;
  if (ts.isPropertyAccessExpression(parent)) {
    if (parent.expression === node) return false;
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
