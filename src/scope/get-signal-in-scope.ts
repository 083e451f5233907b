import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { getEnclosingFunctions } from '../ast/get-enclosing-functions.ts';

/** An AbortSignal expression usable at a given site. */
export interface SignalInScope {
  /** Source text of the expression: `signal`, `abortSignal`, `options.signal`, `request.signal`. */
  readonly expression: string;
  /** The local binding the expression starts with. */
  readonly binding: string;
  /** Property to read from `binding`, if any. */
  readonly property?: 'signal';
  /** Where it comes from, for messages and docs. */
  readonly origin: 'parameter' | 'destructured' | 'options-parameter' | 'request-parameter';
  /** The function whose parameter provides it. */
  readonly functionPath: ASTPath;
}

/** Parameter names that hold an AbortSignal when nothing says otherwise. */
const SIGNAL_NAMES = new Set(['signal', 'abortSignal']);
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
export function getSignalInScope(j: JSCodeshift, root: Collection, path: ASTPath): SignalInScope | undefined {
  for (const functionPath of getEnclosingFunctions(path)) {
    const candidates = (functionPath.node as Node).params.flatMap((param: Node) => getParamSignals({ j, root }, param));
    candidates.sort((a: Candidate, b: Candidate) => ORIGIN_RANK[a.origin] - ORIGIN_RANK[b.origin]);
    for (const candidate of candidates) {
      if (resolvesToParameter(path, functionPath, candidate.binding)) {
        const expression = candidate.property ? `${candidate.binding}.${candidate.property}` : candidate.binding;
        return { ...candidate, expression, functionPath };
      }
    }
  }
  return undefined;
}

type Candidate = Omit<SignalInScope, 'expression' | 'functionPath'>;

const ORIGIN_RANK: Record<SignalInScope['origin'], number> = {
  parameter: 0,
  destructured: 1,
  'options-parameter': 2,
  'request-parameter': 3,
};

function getParamSignals(file: FileTypes, param: Node): Candidate[] {
  const target = param.type === 'AssignmentPattern' ? param.left : param.type === 'TSParameterProperty' ? param.parameter : param;
  if (!target) return [];
  if (target.type === 'Identifier') {
    const type = target.typeAnnotation?.typeAnnotation;
    if (type) {
      if (isAbortSignalType(type)) return [{ binding: target.name, origin: 'parameter' }];
      if (isRequestType(type)) return [{ binding: target.name, property: 'signal', origin: 'request-parameter' }];
      if (OPTIONS_NAMES.has(target.name) && typeHasSignalMember(file, type)) {
        return [{ binding: target.name, property: 'signal', origin: 'options-parameter' }];
      }
      return [];
    }
    // Untyped (JavaScript): trust the conventional names.
    if (SIGNAL_NAMES.has(target.name)) return [{ binding: target.name, origin: 'parameter' }];
    if (OPTIONS_NAMES.has(target.name)) return [{ binding: target.name, property: 'signal', origin: 'options-parameter' }];
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
      return [{ binding: value.name, origin: 'destructured' }];
    }
  }
  return [];
}

/**
 * True when `name` at `site` is bound by the parameters of `functionPath` and by nothing else
 * in that function (ast-types hoists block-scoped bindings to the function, so a `const signal`
 * anywhere in the body makes the name ambiguous and it is not used).
 */
function resolvesToParameter(site: ASTPath, functionPath: ASTPath, name: string): boolean {
  const scope = (site as Node).scope?.lookup(name);
  if (!scope || scope.node !== functionPath.node) return false;
  const bindings: ASTPath[] = scope.getBindings()[name] ?? [];
  const params = (functionPath.node as Node).params as Node[];
  return bindings.length > 0 && bindings.every((binding) => isWithin(binding, params));
}

function isWithin(path: ASTPath, nodes: readonly Node[]): boolean {
  for (let current: ASTPath | null = path; current; current = current.parentPath) {
    if (nodes.includes(current.node)) return true;
  }
  return false;
}

/** `AbortSignal`, `AbortSignal | undefined`, `globalThis.AbortSignal | null`. */
export function isAbortSignalType(type: Node): boolean {
  if (type.type === 'TSUnionType') {
    const members = type.types.filter((member: Node) => !['TSUndefinedKeyword', 'TSNullKeyword'].includes(member.type));
    return members.length === 1 && isAbortSignalType(members[0]);
  }
  return isTypeReferenceTo(type, 'AbortSignal');
}

function isRequestType(type: Node): boolean {
  return isTypeReferenceTo(type, 'Request');
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
  const iface = file.root.find(file.j.TSInterfaceDeclaration, { id: { name: declared } });
  if (iface.size() === 1) return !iface.get().node.extends?.length;
  const alias = file.root.find(file.j.TSTypeAliasDeclaration, { id: { name: declared } });
  return alias.size() === 1 && isReadableType(file, alias.get().node.typeAnnotation);
}

/**
 * The type of property `name` in a type literal, or in an interface or type alias declared in
 * this file. Undefined when the type cannot be read without a type checker.
 */
function getMemberType(file: FileTypes, type: Node, name: string): Node | undefined {
  if (type.type === 'TSUnionType') {
    const nonEmpty = type.types.filter((member: Node) => !['TSUndefinedKeyword', 'TSNullKeyword'].includes(member.type));
    return nonEmpty.length === 1 ? getMemberType(file, nonEmpty[0], name) : undefined;
  }
  if (type.type === 'TSTypeLiteral') return findMember(type.members, name);
  if (type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && !type.typeParameters) {
    const declared = type.typeName.name;
    const iface = file.root.find(file.j.TSInterfaceDeclaration, { id: { name: declared } });
    if (iface.size() === 1) return findMember(iface.get().node.body.body, name);
    const alias = file.root.find(file.j.TSTypeAliasDeclaration, { id: { name: declared } });
    if (alias.size() === 1) return getMemberType(file, alias.get().node.typeAnnotation, name);
  }
  return undefined;
}

function findMember(members: readonly Node[], name: string): Node | undefined {
  for (const member of members) {
    if (member.type === 'TSPropertySignature' && !member.computed && member.key.type === 'Identifier' && member.key.name === name) {
      return member.typeAnnotation?.typeAnnotation ?? { type: 'TSAnyKeyword' };
    }
  }
  return undefined;
}
