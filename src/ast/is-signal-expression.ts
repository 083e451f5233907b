import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { getDeclaredMemberType, isAbortSignalType } from '../scope/get-signal-in-scope.ts';
import { isGlobalReference } from './is-global-reference.ts';

type Node = any;

/** Why an expression is taken to be an AbortSignal. */
export type SignalEvidence =
  /** A name or property ending in `signal`/`Signal`: `signal`, `options.signal`, `controller.signal`. */
  | 'name'
  /** A binding, a property of a typed binding or a class field annotated `AbortSignal`. */
  | 'annotation'
  /** `AbortSignal.timeout(...)`, `AbortSignal.any(...)`, `AbortSignal.abort(...)` of the global. */
  | 'factory'
  /** `x as AbortSignal`, `<AbortSignal>x`, `x satisfies AbortSignal`. */
  | 'assertion'
  /** A `const` whose value is one of the above. */
  | 'initializer';

export type SignalExpressionResult = { readonly kind: 'signal'; readonly evidence: SignalEvidence } | { readonly kind: 'unknown' };

/**
 * A list of signals: `isArray` when its value is an array `AbortSignal.any` may take as it is
 * (Node's throws on other iterables, and TypeScript's typings reject readonly arrays).
 */
export type SignalIterableResult = { readonly kind: 'signals'; readonly isArray: boolean } | { readonly kind: 'unknown' };

/** The file, for type lookups (interfaces and aliases it declares). */
export interface SignalFile {
  readonly j: JSCodeshift;
  readonly root: Collection;
}

/** How far `const a = b` chains are followed: enough for real code, and no cycles. */
const MAX_DEPTH = 4;
const SIGNAL_FACTORIES = new Set(['timeout', 'any', 'abort']);
const ITERABLE_TYPES = new Set(['Array', 'ReadonlyArray', 'Iterable', 'Set', 'ReadonlySet']);

/**
 * Whether `node` (read at `site`) is known to be an AbortSignal. XMLHttpRequest, media elements
 * and WebSockets fire 'abort' too, and `AbortSignal.any` throws on anything that is not a signal:
 * a name alone is not enough unless it says `signal`.
 */
export function classifySignalExpression(file: SignalFile, site: ASTPath, node: Node, depth = 0): SignalExpressionResult {
  const unknown = { kind: 'unknown' } as const;
  if (!node || depth > MAX_DEPTH) return unknown;
  const inner = unwrap(node);
  if (inner !== node) return classifySignalExpression(file, site, inner, depth);
  if (isTypeAssertion(node)) return isAbortSignalType(node.typeAnnotation) ? { kind: 'signal', evidence: 'assertion' } : unknown;
  if (isSignalFactoryCall(site, node)) return { kind: 'signal', evidence: 'factory' };
  const name = getLastName(node);
  if (name && /signal$/i.test(name)) return { kind: 'signal', evidence: 'name' };
  const type = getExpressionType(file, site, node);
  if (type && isAbortSignalType(type)) return { kind: 'signal', evidence: 'annotation' };
  const init = node.type === 'Identifier' ? getConstInitializer(site, node.name) : undefined;
  if (init && classifySignalExpression(file, init.site, init.node, depth + 1).kind === 'signal') return { kind: 'signal', evidence: 'initializer' };
  return unknown;
}

/**
 * Whether `node` is known to hold AbortSignals: a name ending in `signals`, a binding typed as an
 * array or iterable of `AbortSignal`, `x as AbortSignal[]`, `[a, b]` or `Array.of(a, b)` of
 * signals, or a `const` holding one of these.
 */
export function classifySignalIterable(file: SignalFile, site: ASTPath, node: Node, depth = 0): SignalIterableResult {
  const unknown = { kind: 'unknown' } as const;
  if (!node || depth > MAX_DEPTH) return unknown;
  const inner = unwrap(node);
  if (inner !== node) return classifySignalIterable(file, site, inner, depth);
  if (isTypeAssertion(node)) return classifyIterableType(node.typeAnnotation) ?? unknown;
  const elements = getArrayElements(site, node);
  if (elements) {
    const allSignals = elements.every((element) => element.type !== 'SpreadElement' && classifySignalExpression(file, site, element, depth + 1).kind === 'signal');
    return elements.length > 0 && allSignals ? { kind: 'signals', isArray: true } : unknown;
  }
  const type = node.type === 'Identifier' ? getDeclaredType(site, node.name) : undefined;
  const typed = type ? classifyIterableType(type) : undefined;
  if (typed) return typed;
  const init = node.type === 'Identifier' ? getConstInitializer(site, node.name) : undefined;
  const fromInit = init ? classifySignalIterable(file, init.site, init.node, depth + 1) : unknown;
  if (fromInit.kind === 'signals') return fromInit;
  const name = getLastName(node);
  return name && /signals$/i.test(name) ? { kind: 'signals', isArray: false } : unknown;
}

/** `AbortSignal[]` and `Array<AbortSignal>` are arrays; `readonly`, `ReadonlyArray`, `Iterable`, `Set` are not. */
function classifyIterableType(type: Node): SignalIterableResult | undefined {
  if (type.type === 'TSTypeOperator' && type.operator === 'readonly') {
    return classifyIterableType(type.typeAnnotation) ? { kind: 'signals', isArray: false } : undefined;
  }
  if (type.type === 'TSArrayType') return isAbortSignalType(type.elementType) ? { kind: 'signals', isArray: true } : undefined;
  const params = type.typeParameters?.params;
  if (type.type !== 'TSTypeReference' || type.typeName.type !== 'Identifier' || !ITERABLE_TYPES.has(type.typeName.name)) return undefined;
  if (params?.length !== 1 || !isAbortSignalType(params[0])) return undefined;
  return { kind: 'signals', isArray: type.typeName.name === 'Array' };
}

/** The elements of `[a, b]`, or the arguments of `Array.of(a, b)` with the global `Array`. */
function getArrayElements(site: ASTPath, node: Node): Node[] | undefined {
  if (node.type === 'ArrayExpression') return node.elements.every(Boolean) ? node.elements : undefined;
  if (node.type !== 'CallExpression' || !isMember(node.callee) || node.callee.computed) return undefined;
  const { object, property } = node.callee;
  if (object.type !== 'Identifier' || object.name !== 'Array' || property.name !== 'of' || !isGlobalReference(site, 'Array')) return undefined;
  return node.arguments;
}

function isSignalFactoryCall(site: ASTPath, node: Node): boolean {
  if (node.type !== 'CallExpression' || !isMember(node.callee) || node.callee.computed) return false;
  const { object, property } = node.callee;
  return object.type === 'Identifier' && object.name === 'AbortSignal' && SIGNAL_FACTORIES.has(property.name) && isGlobalReference(site, 'AbortSignal');
}

/**
 * The declared type of a binding (`signal: AbortSignal`), of a property of a typed binding
 * (`options.cancel` with `options: { cancel: AbortSignal }`), or of a field of the class around
 * `site` (`this.shutdown` with `shutdown: AbortSignal`).
 */
function getExpressionType(file: SignalFile, site: ASTPath, node: Node): Node | undefined {
  if (node.type === 'Identifier') return getDeclaredType(site, node.name);
  if (!isMember(node) || node.computed || node.property.type !== 'Identifier') return undefined;
  const name = node.property.name as string;
  if (node.object.type === 'ThisExpression') return getClassFieldType(site, name);
  const objectType = node.object.type === 'Identifier' ? getDeclaredType(site, node.object.name) : undefined;
  return objectType ? (getDeclaredMemberType(file.j, file.root, objectType, name) ?? undefined) : undefined;
}

/** The type annotation of the binding `name` at `site`: a parameter or a variable. */
function getDeclaredType(site: ASTPath, name: string): Node | undefined {
  const binding = getOnlyBinding(site, name);
  return (binding?.node as Node)?.typeAnnotation?.typeAnnotation ?? undefined;
}

/** `this.name` in a method of a class whose field `name` is annotated (not through an arrow's `this` of another class). */
function getClassFieldType(site: ASTPath, name: string): Node | undefined {
  for (let current = site.parentPath as ASTPath | null; current; current = current.parentPath) {
    const node = current.node as Node;
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') return undefined;
    if (node.type !== 'ClassBody') continue;
    const field = node.body.find((member: Node) => ['ClassProperty', 'PropertyDefinition', 'ClassAccessorProperty'].includes(member.type) && !member.computed && !member.static && member.key?.name === name);
    const parameter = getConstructorParameter(node, name);
    return (field ?? parameter)?.typeAnnotation?.typeAnnotation ?? undefined;
  }
  return undefined;
}

/** `constructor(private readonly signal: AbortSignal)`: a parameter property is a field too. */
function getConstructorParameter(classBody: Node, name: string): Node | undefined {
  const constructor = classBody.body.find((member: Node) => member.type === 'ClassMethod' && member.kind === 'constructor');
  for (const param of constructor?.params ?? []) {
    if (param.type !== 'TSParameterProperty') continue;
    const target = param.parameter.type === 'AssignmentPattern' ? param.parameter.left : param.parameter;
    if (target.type === 'Identifier' && target.name === name) return target;
  }
  return undefined;
}

/** The value a `const name = value` binding holds, and where to read it from. */
function getConstInitializer(site: ASTPath, name: string): { node: Node; site: ASTPath } | undefined {
  const binding = getOnlyBinding(site, name);
  const declarator = binding?.parentPath?.node as Node;
  const declaration = binding?.parentPath?.parentPath?.parentPath?.node as Node;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id !== binding?.node || declaration?.kind !== 'const' || !declarator.init) return undefined;
  return { node: declarator.init, site: binding?.parentPath as ASTPath };
}

function getOnlyBinding(site: ASTPath, name: string): ASTPath | undefined {
  const scope = (site as Node).scope?.lookup(name);
  const bindings = (scope?.getBindings()[name] ?? []) as ASTPath[];
  return bindings.length === 1 ? bindings[0] : undefined;
}

/** `x!` and `(x)` are `x`. */
function unwrap(node: Node): Node {
  if (node.type === 'TSNonNullExpression' || node.type === 'ParenthesizedExpression') return node.expression;
  return node;
}

function isTypeAssertion(node: Node): boolean {
  return node.type === 'TSAsExpression' || node.type === 'TSTypeAssertion' || node.type === 'TSSatisfiesExpression';
}

function getLastName(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (isMember(node) && !node.computed && node.property.type === 'Identifier') return node.property.name;
  return undefined;
}

function isMember(node: Node): boolean {
  return node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression';
}
