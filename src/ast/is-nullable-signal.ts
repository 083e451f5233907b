import type { Collection, JSCodeshift } from 'jscodeshift';
import { getDeclaredMemberType, type SignalInScope } from '../scope/get-signal-in-scope.ts';
import { isMemberOf } from './is-signal-read.ts';
import { walkOwnNodes } from './walk-own-nodes.ts';
import { getFileIndex } from './file-index.ts';

type Node = any;

/** Wrappers that keep a `RequestInit`'s `signal` as it is. */
const KEEPS_MEMBERS = new Set(['Omit', 'Pick', 'Partial', 'Readonly', 'Required']);

/**
 * Whether the signal in scope may be `null`, as far as the file tells without a type checker: a
 * `RequestInit`'s signal (`init?: RequestInit`, `{ signal }: RequestInit`, a type that extends or
 * wraps it), a signal typed with `| null` (`signal: AbortSignal | null`, `{ signal?: AbortSignal
 * | null }`) or defaulting to `null` (`signal = null`); without types, a `RequestInit` by use: an
 * untyped `init` (what `getSignalInScope` marks), or a bag the function passes whole to
 * `fetch(url, options)` or `new Request(url, options)`. A Fetch `Request`'s signal and a local
 * controller's never are.
 */
export function isNullableSignal(j: JSCodeshift, root: Collection, signal: SignalInScope): boolean {
  if (signal.mayBeNull) return true;
  if (signal.origin === 'request-parameter' || signal.origin === 'local-controller') return false;
  const declared = getDeclaredParameter(signal);
  if (!declared) return false;
  if (declared.defaultsToNull) return true;
  if (!declared.type) return signal.origin === 'options-parameter' && isPassedAsFetchInit(signal);
  if (declared.key === undefined) return includesNull(declared.type);
  if (isRequestInitLike(j, root, declared.type, new Set())) return true;
  const member = getDeclaredMemberType(j, root, declared.type, declared.key);
  return member !== null && member !== undefined && includesNull(member);
}

interface DeclaredParameter {
  readonly type?: Node;
  readonly key?: string;
  /** `signal = null`, `{ signal = null }`: the default itself is null. */
  readonly defaultsToNull?: boolean;
}

/**
 * The annotation the signal's value is read from: the parameter's own (`signal: T`, no key), or
 * the bag's with the key the signal is read at (`options: T` and `signal`, `{ signal: s }: T`).
 */
function getDeclaredParameter(signal: SignalInScope): DeclaredParameter | undefined {
  for (const param of (signal.functionPath.node as Node).params as Node[]) {
    const target = param.type === 'AssignmentPattern' ? param.left : param.type === 'TSParameterProperty' ? param.parameter : param;
    const type = target?.typeAnnotation?.typeAnnotation;
    if (target?.type === 'Identifier' && target.name === signal.binding) {
      if (signal.property !== undefined) return { type, key: signal.property };
      return { type, defaultsToNull: param.type === 'AssignmentPattern' && isNullLiteral(param.right) };
    }
    if (target?.type !== 'ObjectPattern' || signal.origin !== 'destructured') continue;
    for (const property of target.properties as Node[]) {
      if ((property.type !== 'ObjectProperty' && property.type !== 'Property') || property.computed) continue;
      const value = property.value?.type === 'AssignmentPattern' ? property.value.left : property.value;
      if (value?.type === 'Identifier' && value.name === signal.binding && property.key.type === 'Identifier') {
        return { type, key: property.key.name, defaultsToNull: property.value.type === 'AssignmentPattern' && isNullLiteral(property.value.right) };
      }
    }
  }
  return undefined;
}

function isPassedAsFetchInit(signal: SignalInScope): boolean {
  let found = false;
  walkOwnNodes(signal.functionPath.node, (node) => {
    if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return;
    const callee = node.callee;
    const name = callee.type === 'Identifier' ? callee.name : isMemberOf(callee, 'fetch') ? 'fetch' : undefined;
    const isFetchInit = (node.type === 'CallExpression' && name === 'fetch') || (node.type === 'NewExpression' && name === 'Request');
    const init = node.arguments[1];
    if (isFetchInit && init?.type === 'Identifier' && init.name === signal.binding) found = true;
  });
  return found;
}

function isNullLiteral(node: Node): boolean {
  return node?.type === 'NullLiteral' || (node?.type === 'Literal' && node.value === null && !node.regex);
}

function includesNull(type: Node): boolean {
  if (type.type === 'TSNullKeyword') return true;
  if (type.type === 'TSParenthesizedType') return includesNull(type.typeAnnotation);
  return type.type === 'TSUnionType' && type.types.some(includesNull);
}

/**
 * `RequestInit` (or `globalThis.RequestInit`), a union or intersection with it, `Omit<RequestInit,
 * 'body'>` and the like, or a local interface or alias built on one of those.
 */
function isRequestInitLike(j: JSCodeshift, root: Collection, type: Node, seen: Set<string>): boolean {
  const recurse = (inner: Node) => isRequestInitLike(j, root, inner, seen);
  if (type.type === 'TSUnionType' || type.type === 'TSIntersectionType') return type.types.some(recurse);
  if (type.type === 'TSParenthesizedType') return recurse(type.typeAnnotation);
  if (type.type !== 'TSTypeReference' && type.type !== 'TSExpressionWithTypeArguments' && type.type !== 'TSInterfaceHeritage') return false;
  const name = getTypeName(type.typeName ?? type.expression);
  if (name === undefined) return false;
  if (name === 'RequestInit') return true;
  const typeArguments: Node[] = type.typeParameters?.params ?? [];
  if (KEEPS_MEMBERS.has(name) && typeArguments[0]) return recurse(typeArguments[0]);
  if (seen.has(name)) return false;
  seen.add(name);
  const declared = { id: { name } };
  const index = getFileIndex(j, root);
  const heritage = index.find(j.TSInterfaceDeclaration, undefined, declared).flatMap((path) => (path.node as Node).extends ?? []);
  const aliases = index.find(j.TSTypeAliasDeclaration, undefined, declared).map((path) => (path.node as Node).typeAnnotation);
  return [...heritage, ...aliases].some(recurse);
}

function getTypeName(node: Node): string | undefined {
  if (node?.type === 'Identifier') return node.name;
  const isGlobal = node?.type === 'TSQualifiedName' && node.left.type === 'Identifier' && node.left.name === 'globalThis';
  return isGlobal ? node.right.name : undefined;
}
