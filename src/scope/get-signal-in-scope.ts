import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { getEnclosingFunctions } from '../ast/get-enclosing-functions.ts';
import { getPatternNames } from '../ast/get-pattern-names.ts';
import { isWithin } from '../ast/is-within.ts';
import { getFileIndex } from '../ast/file-index.ts';
import type { PrefilterHints } from '../public-types.ts';
import { getClassFacts, getParameterFacts, type ParameterFacts, type TypedSignal } from './type-facts.ts';

/** An AbortSignal expression usable at a given site. */
export interface SignalInScope {
  /** Source text of the expression: `signal`, `abortSignal`, `options.signal`, `request.signal`. */
  readonly expression: string;
  /** The local binding the expression starts with. */
  readonly binding: string;
  /** Property to read from `binding`, if any. */
  readonly property?: 'signal';
  /**
   * Members read between `binding` and `property`: `['options']` for `context.options.signal`.
   * Set only when the caller asked for nested signals (see `SignalLookup`).
   */
  readonly members?: readonly string[];
  /**
   * The expression may evaluate to undefined (an optional or untyped parameter, a bag's
   * optional property). Code that needs a signal, like `AbortSignal.any([...])`, must guard it.
   */
  readonly mayBeUndefined: boolean;
  /**
   * The expression may be `null`: a Fetch `RequestInit`'s signal (`init: RequestInit`, or an
   * untyped `init`). fetch takes that; Node's APIs throw on it (see `getNodeSignal`).
   */
  readonly mayBeNull?: boolean;
  /** Where it comes from, for messages and docs. */
  readonly origin: 'parameter' | 'destructured' | 'options-parameter' | 'request-parameter' | 'nested-member' | 'local-controller';
  /** The function whose parameter provides it. */
  readonly functionPath: ASTPath;
}

/**
 * A cheap text test for prefilters: without one of these words in the file, getSignalInScope
 * finds nothing anywhere in it (names, types, `Request` parameters, local controllers), unless
 * the type checker found a signal in a type declared elsewhere (`hints.typedSignals`).
 */
export function mayHaveSignal(source: string, hints?: PrefilterHints): boolean {
  return hints?.typedSignals === true || /signal|Signal|Request\b|AbortController/.test(source);
}

/** Parameter names that hold an AbortSignal when nothing says otherwise. */
export const SIGNAL_NAMES: ReadonlySet<string> = new Set(['signal', 'abortSignal']);
/** Parameter names of options bags that may carry a `signal` property. */
const OPTIONS_NAMES = new Set(['opts', 'options', 'init', 'ctx', 'config']);
/** Type names known to carry `signal?: AbortSignal`. */
const TYPES_WITH_SIGNAL = new Set(['RequestInit', 'AbortSignalLike']);

type Node = any;

/** What type lookups need: interfaces and aliases declared in the same file. */
interface FileTypes {
  readonly j: JSCodeshift;
  readonly root: Collection;
}

/**
 * The signal in scope at `path`, looking through enclosing functions from the innermost out
 * (closures see their outer function's signal). The one place that answers "which signal
 * expression can be used here"; every transform asks it.
 *
 * A candidate is used only if its name still resolves to that parameter at the site: an inner
 * `signal` (a string, `os.constants.signals`, a shadowing local) hides it.
 */
export function getSignalInScope(j: JSCodeshift, root: Collection, path: ASTPath, lookup: SignalLookup = {}): SignalInScope | undefined {
  const functions = getEnclosingFunctions(path);
  for (const [index, functionPath] of functions.entries()) {
    const params = (functionPath.node as Node).params as Node[];
    // What the type checker says of a parameter (when a tsconfig is there) comes before its name.
    const typed = params.map((param) => getParameterFacts(root, param));
    const candidates = params
      .flatMap((param, at) => {
        const facts = typed[at];
        if (facts) return getTypedSignals({ j, root }, param, facts);
        return getParamSignals({ j, root }, param).filter(
          (candidate) => candidate.property === undefined || candidate.origin !== 'options-parameter' || hasEvidence({ j, root }, functionPath, candidate),
        );
      })
      .sort((a, b) => ORIGIN_RANK[a.origin] - ORIGIN_RANK[b.origin]);
    for (const candidate of candidates) {
      if (resolvesToDeclaration(path, functionPath, candidate.binding, params)) return withExpression(candidate, functionPath);
    }
    if (lookup.nested) {
      // `this` at the site is this function's only when every function in between is an arrow.
      const ownsThis = functions.slice(0, index).every((inner) => inner.node.type === 'ArrowFunctionExpression');
      const nested = [...getTypedNestedSignals({ j, root }, functionPath, typed, ownsThis), ...getUntypedNestedSignals({ j, root }, functionPath, typed, ownsThis)].find(
        (candidate) => candidate.binding === 'this' || resolvesToDeclaration(path, functionPath, candidate.binding, params),
      );
      if (nested) return withExpression(nested, functionPath);
    }
    // The caller's signal comes first; a controller the function made for itself is next.
    for (const local of getLocalControllers({ j, root }, functionPath, path)) {
      if (resolvesToDeclaration(path, functionPath, local.candidate.binding, [local.declarator])) {
        return withExpression(local.candidate, functionPath);
      }
    }
  }
  return undefined;
}

/**
 * Which parameter of a function takes an AbortSignal, by the rules `getSignalInScope` reads
 * parameters with: `positional` for the signal itself (`signal`, `s: AbortSignal`), `options`
 * for a bag that carries it (`{ signal }`, `options: RequestInit`, untyped `options` the function
 * reads `options.signal` of). For callers that pass a signal to a function of the same file.
 */
export function getSignalParameter(
  j: JSCodeshift,
  root: Collection,
  functionPath: ASTPath,
): { readonly index: number; readonly kind: 'positional' | 'options' } | undefined {
  const params = (functionPath.node as Node).params as Node[];
  for (const [index, param] of params.entries()) {
    if (param.type === 'RestElement') return undefined;
    const candidate = getParamSignals({ j, root }, param).find(
      (c) => c.property === undefined || c.origin !== 'options-parameter' || hasEvidence({ j, root }, functionPath, c),
    );
    if (!candidate || candidate.origin === 'request-parameter') continue;
    return { index, kind: candidate.origin === 'parameter' ? 'positional' : 'options' };
  }
  return undefined;
}

/** What `getSignalInScope` looks at beyond the parameters themselves and local controllers. */
export interface SignalLookup {
  /**
   * Also signals one member further down a parameter or `this`: `context.options.signal`,
   * `this.config.signal`, `req.raw.signal` (see `getNestedSignals`). Off by default: callers that
   * compare `binding` and `property` with what the code reads must handle `members` first.
   */
  readonly nested?: boolean;
}

function withExpression(candidate: Candidate, functionPath: ASTPath): SignalInScope {
  const { optionalBinding, optionalMember, ...rest } = candidate;
  if (!candidate.property) return { ...rest, expression: candidate.binding, functionPath };
  const member = candidate.members?.map((name) => `${name}${optionalMember ? '?.' : '.'}`).join('') ?? '';
  const expression = `${candidate.binding}${optionalBinding ? '?.' : '.'}${member}${candidate.property}`;
  return { ...rest, expression, functionPath };
}

/** A typed parameter's own signal, as its facts give it: the parameter, or its `signal`. */
function getTypedSignals(file: FileTypes, param: Node, facts: ParameterFacts): Candidate[] {
  const target = getParamTarget(param);
  if (target?.type === 'ObjectPattern') {
    // The pattern's `signal` element, read as by name, if the checker says it is an AbortSignal.
    return facts.destructured ? getParamSignals(file, param) : [];
  }
  const direct = facts.direct;
  if (!direct || target?.type !== 'Identifier') return [];
  return [toCandidate(target.name, direct)];
}

function toCandidate(binding: string, signal: TypedSignal): Candidate {
  const shared = { binding, mayBeUndefined: signal.mayBeUndefined, ...(signal.mayBeNull ? { mayBeNull: true } : {}) };
  if (signal.members === undefined) return { ...shared, origin: 'parameter' };
  if (signal.members.length === 0) {
    return { ...shared, property: 'signal', origin: signal.request ? 'request-parameter' : 'options-parameter', optionalBinding: signal.optionalBinding };
  }
  return { ...shared, property: 'signal', members: signal.members, origin: 'nested-member', optionalBinding: signal.optionalBinding, optionalMember: signal.optionalMember };
}

/**
 * Signals one member below a typed parameter or `this` (in a method of a class the checker
 * typed), as the facts give them. Where a type has several (`ctx.request.signal` and
 * `ctx.options.signal`), the one the code reads is taken; when it reads none or several, none is.
 */
function getTypedNestedSignals(file: FileTypes, functionPath: ASTPath, typed: readonly (ParameterFacts | undefined)[], ownsThis: boolean): Candidate[] {
  const params = (functionPath.node as Node).params as Node[];
  const found: Candidate[] = [];
  const choose = (base: string, signals: readonly TypedSignal[], chains: () => readonly { base: string; member: string }[]): TypedSignal | undefined => {
    if (signals.length <= 1) return signals[0];
    const read = signals.filter((signal) => chains().some((chain) => chain.base === base && chain.member === signal.members?.[0]));
    return read.length === 1 ? read[0] : undefined;
  };
  for (const [at, param] of params.entries()) {
    const facts = typed[at];
    const target = getParamTarget(param);
    if (!facts || target?.type !== 'Identifier') continue;
    const chosen = choose(target.name, facts.nested, () => getSignalChains(file, functionPath));
    if (chosen) found.push(toCandidate(target.name, chosen));
  }
  const classBody = getTypedClassBody(functionPath, ownsThis);
  const facts = classBody && getClassFacts(file.root, classBody.node);
  const chosen = facts && choose('this', facts.signals, () => getSignalChains(file, classBody));
  if (chosen) found.push(toCandidate('this', chosen));
  return found;
}

/**
 * `getNestedSignals` for the parameters and `this` fields the checker did not type: one it
 * typed has no signal its facts do not give.
 */
function getUntypedNestedSignals(file: FileTypes, functionPath: ASTPath, typed: readonly (ParameterFacts | undefined)[], ownsThis: boolean): Candidate[] {
  const params = (functionPath.node as Node).params as Node[];
  const typedNames = new Set(params.flatMap((param, at) => (typed[at] ? [getParamName(param)] : [])));
  const classBody = getTypedClassBody(functionPath, ownsThis);
  const fields = new Set(classBody ? (getClassFacts(file.root, classBody.node)?.fields ?? []) : []);
  return getNestedSignals(file, functionPath, ownsThis).filter((candidate) =>
    candidate.binding === 'this' ? !fields.has(candidate.members?.[0] ?? '') : !typedNames.has(candidate.binding),
  );
}

/**
 * The class body of a method whose `this` the site sees, for the class facts: not a constructor,
 * which may read a field before it is set.
 */
function getTypedClassBody(functionPath: ASTPath, ownsThis: boolean): ASTPath | undefined {
  const fn = functionPath.node as Node;
  if (!ownsThis || fn.type === 'ArrowFunctionExpression') return undefined;
  const member = fn.type === 'FunctionExpression' ? (functionPath.parentPath?.node as Node) : fn;
  if (member?.kind === 'constructor') return undefined;
  return getMethodClass(functionPath);
}

/**
 * Signals two levels below a parameter or `this`: `base.member.signal`. A chain counts when the
 * function reads it (`this.member.signal`: anywhere in its class), or when the parameter's type,
 * declared in this file, gives `member` a `signal` of type AbortSignal. A type that says
 * otherwise (no such member, a `signal` that is not an AbortSignal) rules the chain out.
 */
function getNestedSignals(file: FileTypes, functionPath: ASTPath, ownsThis: boolean): Candidate[] {
  // Asked again for each site in the function: answered once while the tree is unchanged.
  return getFileIndex(file.j, file.root).memo(ownsThis ? 'nested-signals-this' : 'nested-signals', functionPath, () => findNestedSignals(file, functionPath, ownsThis));
}

function findNestedSignals(file: FileTypes, functionPath: ASTPath, ownsThis: boolean): Candidate[] {
  const fn = functionPath.node as Node;
  const params = fn.params as Node[];
  const read = getSignalChains(file, functionPath);
  const found: Candidate[] = [];
  for (const param of params) {
    const target = getParamTarget(param);
    if (target?.type !== 'Identifier') continue;
    const type = target.typeAnnotation?.typeAnnotation;
    const members = new Set(read.filter((chain) => chain.base === target.name).map((chain) => chain.member));
    if (type) for (const name of getMemberNames(file, type)) members.add(name);
    for (const member of members) {
      const memberType = type ? getMemberType(file, type, member) : undefined;
      if (type && !isNestedSignalAllowed(file, type, memberType)) continue;
      const declared = memberType !== undefined && typeHasSignalMember(file, withoutNullish(memberType));
      if (!declared && !read.some((chain) => chain.base === target.name && chain.member === member)) continue;
      const optionalBinding = param.type !== 'AssignmentPattern' && isMaybeNullishBinding(target);
      // `options?: CallOptions` may be missing although its type has no `undefined`.
      const optionalMember = !declared || isMaybeNullishType(memberType) || getMemberSignature(file, type, member)?.optional === true;
      found.push({ binding: target.name, members: [member], property: 'signal', origin: 'nested-member', mayBeUndefined: true, optionalBinding, optionalMember, ...getNullability(member, memberType) });
    }
  }
  const classPath = ownsThis && fn.type !== 'ArrowFunctionExpression' ? getMethodClass(functionPath) : undefined;
  if (classPath) {
    const members = new Set(getSignalChains(file, classPath).filter((chain) => chain.base === 'this').map((chain) => chain.member));
    for (const member of members) {
      const declaration = getFieldDeclaration(classPath, member);
      const type = declaration?.typeAnnotation?.typeAnnotation;
      if (type && !isNestedSignalAllowed(file, type, type)) continue;
      const optionalMember = !declaration || isMaybeNullishBinding(declaration);
      found.push({ binding: 'this', members: [member], property: 'signal', origin: 'nested-member', mayBeUndefined: true, optionalMember, ...getNullability(member, type) });
    }
  }
  return found;
}

/**
 * A nested `RequestInit` (typed so, or an untyped member named `init`, as for parameters) may
 * hold a `null` signal, which Node's APIs reject.
 */
function getNullability(member: string, type: Node | undefined): { mayBeNull?: true } {
  const members: Node[] = type?.type === 'TSUnionType' ? type.types : type ? [type] : [];
  const requestInit = type ? members.some((candidate) => isTypeReferenceTo(candidate, 'RequestInit')) : member === 'init';
  return requestInit ? { mayBeNull: true } : {};
}

/** `base.member.signal` and `base.member?.signal` read under `path`, `base` a name or `this`. */
function getSignalChains(file: FileTypes, path: ASTPath): { readonly base: string; readonly member: string }[] {
  const { j } = file;
  const index = getFileIndex(j, file.root);
  const chains: { base: string; member: string }[] = [];
  const visit = (node: Node) => {
    if (node.computed || node.property?.type !== 'Identifier' || node.property.name !== 'signal') return;
    const inner = node.object;
    if (!['MemberExpression', 'OptionalMemberExpression'].includes(inner?.type) || inner.computed || inner.property.type !== 'Identifier') return;
    const base = inner.object.type === 'ThisExpression' ? 'this' : inner.object.type === 'Identifier' ? inner.object.name : undefined;
    if (base) chains.push({ base, member: inner.property.name });
  };
  index.find(j.MemberExpression, path).forEach((member) => visit(member.node));
  index.find(j.OptionalMemberExpression, path).forEach((member) => visit(member.node));
  return chains;
}

/** False when the parameter's readable type has no `member`, or gives it a non-AbortSignal `signal`. */
function isNestedSignalAllowed(file: FileTypes, type: Node, memberType: Node | undefined): boolean {
  if (memberType === undefined) return !isReadableType(file, type);
  const signalType = getMemberType(file, memberType, 'signal');
  if (signalType !== undefined) return isAbortSignalType(signalType) || signalType.type === 'TSAnyKeyword';
  return !isReadableType(file, memberType);
}

/** The class a method belongs to (`this` in it is an instance), or undefined for other functions. */
function getMethodClass(functionPath: ASTPath): ASTPath | undefined {
  const fn = functionPath.node as Node;
  let member: ASTPath | null = functionPath;
  // `class { m() {} }` (Babel: ClassMethod) or `class { m = function () {} }` / esprima's MethodDefinition.
  if (fn.type === 'FunctionExpression') member = functionPath.parentPath;
  if (!member || !['ClassMethod', 'ClassPrivateMethod', 'MethodDefinition', 'ClassProperty', 'ClassPrivateProperty'].includes(member.node.type)) return undefined;
  if ((member.node as Node).static) return undefined;
  const body = member.parentPath?.node?.type === 'ClassBody' ? member.parentPath : member.parentPath?.parentPath;
  return body?.node?.type === 'ClassBody' ? body : undefined;
}

/** A field of the class (`config: T`, or a constructor's `private config: T`): its typed binding. */
function getFieldDeclaration(classBody: ASTPath, name: string): Node | undefined {
  for (const member of (classBody.node as Node).body as Node[]) {
    if (['ClassProperty', 'ClassPrivateProperty'].includes(member.type) && !member.static && !member.computed && member.key?.name === name) {
      return { typeAnnotation: member.typeAnnotation, optional: member.optional };
    }
    if (member.kind !== 'constructor') continue;
    const params: Node[] = member.params ?? member.value?.params ?? [];
    const field = params.find((param) => param.type === 'TSParameterProperty' && getParamName(param) === name);
    if (field) return field.parameter.type === 'AssignmentPattern' ? field.parameter.left : field.parameter;
  }
  return undefined;
}

/** `T` of `T | undefined | null`; the type itself when it is not such a union. */
export function withoutNullish(type: Node): Node {
  if (type.type !== 'TSUnionType') return type;
  const members = type.types.filter((member: Node) => !['TSUndefinedKeyword', 'TSNullKeyword'].includes(member.type));
  return members.length === 1 ? members[0] : type;
}

function isMaybeNullishType(type: Node | undefined): boolean {
  if (!type || type.type === 'TSAnyKeyword') return true;
  const members: Node[] = type.type === 'TSUnionType' ? type.types : [type];
  return members.some((member) => ['TSUndefinedKeyword', 'TSNullKeyword', 'TSAnyKeyword', 'TSUnknownKeyword'].includes(member.type));
}

/**
 * An untyped options bag (`options`, `ctx`, ...) is only taken to carry a signal when the
 * function itself reads `options.signal`: the name alone is too weak (`ctx` is often a framework
 * context, `config` a plugin's settings). A type annotation is evidence of its own.
 */
function hasEvidence(file: FileTypes, functionPath: ASTPath, candidate: Candidate): boolean {
  const { j } = file;
  const param = ((functionPath.node as Node).params as Node[]).find((p) => getParamName(p) === candidate.binding);
  if (param && getParamTarget(param)?.typeAnnotation) return true;
  return getFileIndex(j, file.root).find(j.MemberExpression, functionPath, { object: { type: 'Identifier', name: candidate.binding }, property: { name: 'signal' } }).length > 0;
}

/** The binding a parameter declares: past a default value (`= {}`) or a TS parameter property. */
export function getParamTarget(param: Node): Node | undefined {
  return param.type === 'AssignmentPattern' ? param.left : param.type === 'TSParameterProperty' ? param.parameter : param;
}

function getParamName(param: Node): string | undefined {
  const target = getParamTarget(param);
  return target?.type === 'Identifier' ? target.name : undefined;
}

/**
 * `const c = new AbortController()` (then `c.signal`) and `const { signal } = c` declared in the
 * function itself (not in a nested one) before the site.
 */
function getLocalControllers(file: FileTypes, functionPath: ASTPath, site: ASTPath): { candidate: Candidate; declarator: Node }[] {
  const { j } = file;
  const found: { candidate: Candidate; declarator: Node }[] = [];
  const controllers = new Set<string>();
  const siteStart = (site.node as Node).start as number;
  let callerSignal = false;
  getFileIndex(j, file.root)
    .find(j.VariableDeclarator, functionPath)
    .forEach((path) => {
      const node = path.node as Node;
      if (getEnclosingFunctions(path)[0]?.node !== functionPath.node) return;
      const init = node.init;
      const fromController = isNewAbortController(path, init) || controllers.has(init?.type === 'MemberExpression' ? init.object?.name : init?.name);
      if (!fromController && getPatternNames(node.id).some((name) => SIGNAL_NAMES.has(name))) callerSignal = true;
      if (!(node.end <= siteStart)) return;
      if (node.id.type === 'Identifier' && isNewAbortController(path, init)) {
        controllers.add(node.id.name);
        found.push({ candidate: { binding: node.id.name, property: 'signal', origin: 'local-controller', mayBeUndefined: false }, declarator: node });
      } else if (node.id.type === 'ObjectPattern' && init?.type === 'Identifier' && controllers.has(init.name)) {
        for (const property of node.id.properties) {
          const key = property.key;
          if ((property.type === 'ObjectProperty' || property.type === 'Property') && !property.computed && key?.name === 'signal' && property.value.type === 'Identifier') {
            found.push({ candidate: { binding: property.value.name, origin: 'local-controller', mayBeUndefined: false }, declarator: node });
          }
        }
      }
    });
  // `const { abortSignal: signal } = options` and a controller: the caller's signal, out of the
  // lookup's sight, may be the one the work should stop on. Two controllers (a deadline, one that
  // combines it with the caller's): which one a site wants is for a person.
  if (callerSignal || controllers.size > 1) return [];
  // The destructured `signal` reads best; otherwise the controller.
  return found.sort((a, b) => Number(a.candidate.property !== undefined) - Number(b.candidate.property !== undefined));
}

function isNewAbortController(path: ASTPath, init: Node): boolean {
  return (
    init?.type === 'NewExpression' &&
    init.callee.type === 'Identifier' &&
    init.callee.name === 'AbortController' &&
    !(path as Node).scope?.lookup('AbortController')
  );
}

type Candidate = Omit<SignalInScope, 'expression' | 'functionPath'> & {
  /** The binding itself may be undefined: read its property with `?.`. */
  readonly optionalBinding?: boolean;
  /** The nested member may be undefined: read its `signal` with `?.`. */
  readonly optionalMember?: boolean;
};

const ORIGIN_RANK: Record<SignalInScope['origin'], number> = {
  parameter: 0,
  destructured: 1,
  'options-parameter': 2,
  'request-parameter': 3,
  'nested-member': 4,
  'local-controller': 5,
};

function getParamSignals(file: FileTypes, param: Node): Candidate[] {
  const target = getParamTarget(param);
  if (!target) return [];
  const maybeNullish = param.type !== 'AssignmentPattern' && isMaybeNullishBinding(target);
  if (target.type === 'Identifier') {
    const type = target.typeAnnotation?.typeAnnotation;
    if (type) {
      if (isAbortSignalType(type)) return [{ binding: target.name, origin: 'parameter', mayBeUndefined: maybeNullish }];
      if (isRequestType(file, type)) {
        return [{ binding: target.name, property: 'signal', origin: 'request-parameter', mayBeUndefined: maybeNullish, optionalBinding: maybeNullish }];
      }
      if (OPTIONS_NAMES.has(target.name) && typeHasSignalMember(file, type)) {
        const mayBeNull = type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && type.typeName.name === 'RequestInit';
        return [{ binding: target.name, property: 'signal', origin: 'options-parameter', mayBeUndefined: true, optionalBinding: maybeNullish, ...(mayBeNull ? { mayBeNull } : {}) }];
      }
      return [];
    }
    // Untyped (JavaScript): trust the conventional names (bags need evidence, see hasEvidence).
    if (SIGNAL_NAMES.has(target.name)) return [{ binding: target.name, origin: 'parameter', mayBeUndefined: maybeNullish }];
    if (OPTIONS_NAMES.has(target.name)) {
      const mayBeNull = target.name === 'init';
      return [{ binding: target.name, property: 'signal', origin: 'options-parameter', mayBeUndefined: true, optionalBinding: maybeNullish, ...(mayBeNull ? { mayBeNull } : {}) }];
    }
    return [];
  }
  if (target.type === 'ObjectPattern') {
    const type = target.typeAnnotation?.typeAnnotation;
    for (const property of target.properties) {
      if (property.type !== 'ObjectProperty' && property.type !== 'Property') continue;
      if (property.computed || property.key.type !== 'Identifier' || !SIGNAL_NAMES.has(property.key.name)) continue;
      const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
      if (value.type !== 'Identifier') continue;
      const memberType = type ? getMemberType(file, type, property.key.name) : undefined;
      // A typed bag whose `signal` we can read must say AbortSignal; one we cannot read is trusted.
      if (memberType && !isAbortSignalType(memberType)) continue;
      return [{ binding: value.name, origin: 'destructured', mayBeUndefined: true }];
    }
  }
  return [];
}

/**
 * False only when the binding's declaration says it holds a value: a type without
 * `undefined`/`null`/`any`/`unknown` on a required binding. Untyped bindings may be anything.
 * (A parameter default is the caller's business: see the callers.)
 */
export function isMaybeNullishBinding(node: Node): boolean {
  const annotation = node.typeAnnotation?.typeAnnotation;
  if (!annotation || node.optional) return true;
  const members: Node[] = annotation.type === 'TSUnionType' ? annotation.types : [annotation];
  return members.some((member) => ['TSUndefinedKeyword', 'TSNullKeyword', 'TSAnyKeyword', 'TSUnknownKeyword'].includes(member.type));
}

/**
 * True when `name` at `site` is bound in `functionPath` by `declarations` (its parameters, or one
 * declarator) and by nothing else in that function (ast-types hoists block-scoped bindings to the
 * function, so a second `const signal` anywhere in the body makes the name ambiguous: not used).
 */
function resolvesToDeclaration(site: ASTPath, functionPath: ASTPath, name: string, declarations: readonly Node[]): boolean {
  const scope = (site as Node).scope?.lookup(name);
  if (!scope || scope.node !== functionPath.node) return false;
  const bindings: ASTPath[] = scope.getBindings()[name] ?? [];
  return bindings.length > 0 && bindings.every((binding) => isWithin(binding, declarations));
}

/** `AbortSignal`, `AbortSignal | undefined`, `globalThis.AbortSignal | null`. */
export function isAbortSignalType(type: Node): boolean {
  if (type.type === 'TSUnionType') {
    const members = type.types.filter((member: Node) => !['TSUndefinedKeyword', 'TSNullKeyword'].includes(member.type));
    return members.length === 1 && isAbortSignalType(members[0]);
  }
  return isTypeReferenceTo(type, 'AbortSignal');
}

/** Types imported from packages that are Fetch `Request`s, `signal` included. */
const FETCH_REQUEST_IMPORTS: Readonly<Record<string, readonly string[]>> = { 'next/server': ['NextRequest'], undici: ['Request'] };

/** `type` is a Fetch `Request` (see isRequestType), for detectors outside this module. */
export function isFetchRequestType(j: JSCodeshift, root: Collection, type: Node): boolean {
  return isRequestType({ j, root }, type);
}

/**
 * A Fetch `Request`: the global one (not a `Request` the file imports, such as Express', or
 * declares), or one of FETCH_REQUEST_IMPORTS under any local name.
 */
function isRequestType(file: FileTypes, type: Node): boolean {
  if (type.type !== 'TSTypeReference' || type.typeParameters) return false;
  if (type.typeName.type !== 'Identifier') return isTypeReferenceTo(type, 'Request');
  const name: string = type.typeName.name;
  const imported = getImportedName(file, name);
  if (imported) return FETCH_REQUEST_IMPORTS[imported.source]?.includes(imported.name) ?? false;
  return name === 'Request' && !declaresType(file, name);
}

/** What the file imports as `local`: the module and the exported name (`default`, `*`). */
function getImportedName(file: FileTypes, local: string): { readonly source: string; readonly name: string } | undefined {
  // Imports are top-level statements: no walk of the whole tree for each typed parameter.
  const program = file.root.get().node.program;
  for (const declaration of (program?.body ?? []) as Node[]) {
    if (declaration.type !== 'ImportDeclaration') continue;
    for (const specifier of declaration.specifiers ?? []) {
      if (specifier.local?.name !== local) continue;
      const name = specifier.type === 'ImportSpecifier' ? specifier.imported.name : specifier.type === 'ImportDefaultSpecifier' ? 'default' : '*';
      return { source: declaration.source.value, name };
    }
  }
  return undefined;
}

function declaresType(file: FileTypes, name: string): boolean {
  const { j } = file;
  const index = getFileIndex(j, file.root);
  const declared = { id: { name } };
  return index.find(j.TSInterfaceDeclaration, undefined, declared).length + index.find(j.TSTypeAliasDeclaration, undefined, declared).length + index.find(j.ClassDeclaration, undefined, declared).length > 0;
}

function isTypeReferenceTo(type: Node, name: string): boolean {
  if (type.type !== 'TSTypeReference' || type.typeParameters) return false;
  const typeName = type.typeName;
  if (typeName.type === 'Identifier') return typeName.name === name;
  return (
    typeName.type === 'TSQualifiedName' &&
    typeName.left.type === 'Identifier' &&
    typeName.left.name === 'globalThis' &&
    typeName.right.name === name
  );
}

function typeHasSignalMember(file: FileTypes, type: Node): boolean {
  if (type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && TYPES_WITH_SIGNAL.has(type.typeName.name)) {
    return true;
  }
  const member = getMemberType(file, type, 'signal');
  return member !== undefined && isAbortSignalType(member);
}

/**
 * What a type annotation says about its property `name`: its type (`TSAnyKeyword` when the
 * member has no annotation), `null` when the type is readable here and has no such member, or
 * undefined when it cannot be read without a type checker.
 */
export function getDeclaredMemberType(j: JSCodeshift, root: Collection, type: Node, name: string): Node | null | undefined {
  const member = getMemberType({ j, root }, type, name);
  if (member !== undefined) return member;
  return isReadableType({ j, root }, type) ? null : undefined;
}

function isReadableType(file: FileTypes, type: Node): boolean {
  if (type.type === 'TSTypeLiteral') return true;
  if (type.type !== 'TSTypeReference' || type.typeName.type !== 'Identifier' || type.typeParameters) return false;
  const declared = type.typeName.name;
  const iface = findDeclarations(file, file.j.TSInterfaceDeclaration, declared);
  if (iface.length === 1) return !(iface[0]!.node as Node).extends?.length;
  const alias = findDeclarations(file, file.j.TSTypeAliasDeclaration, declared);
  return alias.length === 1 && isReadableType(file, (alias[0]!.node as Node).typeAnnotation);
}

/**
 * The type of property `name` in a type literal, or in an interface or type alias declared in
 * this file. Undefined when the type cannot be read without a type checker.
 */
function getMemberType(file: FileTypes, type: Node, name: string): Node | undefined {
  const signature = getMemberSignature(file, type, name);
  return signature && (signature.typeAnnotation?.typeAnnotation ?? { type: 'TSAnyKeyword' });
}

/** The property signature `getMemberType` reads the type of (`name?: T` is optional there). */
function getMemberSignature(file: FileTypes, type: Node, name: string): Node | undefined {
  if (type.type === 'TSUnionType') {
    const nonEmpty = type.types.filter((member: Node) => !['TSUndefinedKeyword', 'TSNullKeyword'].includes(member.type));
    return nonEmpty.length === 1 ? getMemberSignature(file, nonEmpty[0], name) : undefined;
  }
  if (type.type === 'TSTypeLiteral') return findMember(type.members, name);
  if (type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && !type.typeParameters) {
    const declared = type.typeName.name;
    const iface = findDeclarations(file, file.j.TSInterfaceDeclaration, declared);
    if (iface.length === 1) return findMember((iface[0]!.node as Node).body.body, name);
    const alias = findDeclarations(file, file.j.TSTypeAliasDeclaration, declared);
    if (alias.length === 1) return getMemberSignature(file, (alias[0]!.node as Node).typeAnnotation, name);
  }
  return undefined;
}

/** Property names of a type literal, or of an interface or type alias declared in this file. */
function getMemberNames(file: FileTypes, type: Node): string[] {
  if (type.type === 'TSUnionType') {
    const nonEmpty = type.types.filter((member: Node) => !['TSUndefinedKeyword', 'TSNullKeyword'].includes(member.type));
    return nonEmpty.length === 1 ? getMemberNames(file, nonEmpty[0]) : [];
  }
  const names = (members: readonly Node[]) =>
    members.filter((member) => member.type === 'TSPropertySignature' && !member.computed && member.key.type === 'Identifier').map((member) => member.key.name as string);
  if (type.type === 'TSTypeLiteral') return names(type.members);
  if (type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && !type.typeParameters) {
    const declared = type.typeName.name;
    const iface = findDeclarations(file, file.j.TSInterfaceDeclaration, declared);
    if (iface.length === 1) return names((iface[0]!.node as Node).body.body);
    const alias = findDeclarations(file, file.j.TSTypeAliasDeclaration, declared);
    if (alias.length === 1) return getMemberNames(file, (alias[0]!.node as Node).typeAnnotation);
  }
  return [];
}

/** Interfaces or type aliases (`type`) named `name` declared in this file. */
function findDeclarations(file: FileTypes, type: { toString(): string }, name: string): ASTPath[] {
  return getFileIndex(file.j, file.root).find(type, undefined, { id: { name } });
}

function findMember(members: readonly Node[], name: string): Node | undefined {
  return members.find((member) => member.type === 'TSPropertySignature' && !member.computed && member.key.type === 'Identifier' && member.key.name === name);
}

/**
 * The signal as Node's APIs take it (`timers/promises`, `events.once`, `fs`, `child_process`):
 * they accept undefined but throw ERR_INVALID_ARG_TYPE on the `null` a RequestInit may hold.
 */
export function getNodeSignal(signal: SignalInScope): string {
  return signal.mayBeNull ? `${signal.expression} ?? undefined` : signal.expression;
}
