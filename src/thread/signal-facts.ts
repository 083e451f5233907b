import { ts } from 'ts-morph';
import { normalizeText } from '../engine/text.ts';
import { hashParsedText, type ClassFacts, type FileSignalFacts, type ParameterFacts, type TypedSignal } from '../scope/type-facts.ts';
import { SIGNAL_NAMES } from '../scope/get-signal-in-scope.ts';
import { SignalTypes } from './signal-types.ts';

/**
 * What the checker says about the signals of each file's parameters and class fields (see
 * `FileSignalFacts`), for the files of `names` (absolute, forward slashes) the program has.
 * Only parameters of functions with a body, and only types the checker resolved: an `any`
 * parameter gets no facts, and is looked up by name.
 */
export function getSignalFacts(program: ts.Program, names: readonly string[]): Map<string, FileSignalFacts> {
  const checker = program.getTypeChecker();
  const types = new SignalTypes(checker, program.getCompilerOptions().exactOptionalPropertyTypes === true);
  const facts = new Map<string, FileSignalFacts>();
  for (const name of names) {
    const file = program.getSourceFile(name);
    if (!file || file.isDeclarationFile) continue;
    facts.set(name, getFileFacts(checker, types, file));
  }
  return facts;
}

function getFileFacts(checker: ts.TypeChecker, types: SignalTypes, file: ts.SourceFile): FileSignalFacts {
  // Offsets in the text the per-file parser reads: no BOM, LF line ends.
  const bom = file.text.startsWith('\uFEFF');
  const { text } = normalizeText(file.text);
  const lineStarts = getLineStarts(text);
  const toOffset = (position: number) => {
    const { line, character } = file.getLineAndCharacterOfPosition(position);
    return lineStarts[line]! + character - (bom && line === 0 ? 1 : 0);
  };
  const parameters: Record<number, ParameterFacts> = {};
  const classes: Record<number, ClassFacts> = {};
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      for (const param of node.parameters) {
        const found = getParameterFacts(checker, types, param);
        if (found) parameters[toOffset(param.name.getStart(file))] = found;
      }
    }
    if (ts.isClassLike(node)) {
      const brace = node.getChildren(file).find((child) => child.kind === ts.SyntaxKind.OpenBraceToken);
      const found = brace && getClassFacts(checker, types, node);
      if (brace && found) classes[toOffset(brace.getStart(file))] = found;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { hash: hashParsedText(text), parameters, classes };
}

const PRIMITIVE = ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.ESSymbolLike | ts.TypeFlags.EnumLike;
const isUnknown = (type: ts.Type) => (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
const has = (type: ts.Type, flags: ts.TypeFlags): boolean => (type.flags & flags) !== 0 || (type.isUnion() && type.types.some((member) => has(member, flags)));
const mayBeMissing = (type: ts.Type) => has(type, ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void | ts.TypeFlags.Any | ts.TypeFlags.Unknown);

function getParameterFacts(checker: ts.TypeChecker, types: SignalTypes, param: ts.ParameterDeclaration): ParameterFacts | undefined {
  if (param.dotDotDotToken) return undefined;
  if (ts.isObjectBindingPattern(param.name)) {
    if (isUnknown(checker.getTypeAtLocation(param.name))) return undefined;
    // The names getSignalInScope reads a destructured signal by (`{ signal }`, `{ abortSignal }`).
    const element = param.name.elements.find((candidate) => !candidate.dotDotDotToken && SIGNAL_NAMES.has(getElementKey(candidate) ?? ''));
    if (!element) return { name: '{}', nested: [] };
    const type = checker.getTypeAtLocation(element.name);
    return isUnknown(type) ? undefined : { name: '{}', nested: [], destructured: types.isAbortSignal(type) };
  }
  if (!ts.isIdentifier(param.name)) return undefined;
  const type = checker.getTypeAtLocation(param.name);
  if (isUnknown(type)) return undefined;
  // A default value stands in for a missing argument.
  const optionalBinding = param.initializer === undefined && (param.questionToken !== undefined || mayBeMissing(type));
  const name = param.name.text;
  if (types.isAbortSignal(type)) {
    return { name, nested: [], direct: { optionalBinding, optionalMember: false, mayBeUndefined: optionalBinding, mayBeNull: optionalBinding && has(type, ts.TypeFlags.Null) } };
  }
  const holder = getHolder(checker, type);
  if (!holder) return { name, nested: [] };
  const own = getSignalOf(checker, types, holder, param);
  const direct: TypedSignal | undefined = own && {
    members: [],
    ...(isFetchRequest(holder) ? { request: true } : {}),
    optionalBinding,
    optionalMember: false,
    mayBeUndefined: optionalBinding || own.mayBeUndefined,
    mayBeNull: own.mayBeNull,
    ...(own.since ? { since: own.since } : {}),
  };
  const nested: TypedSignal[] = [];
  for (const member of getReadableMembers(checker, holder, param)) {
    const memberType = checker.getTypeOfSymbolAtLocation(member, param);
    const inner = getHolder(checker, memberType);
    const signal = inner && getSignalOf(checker, types, inner, param);
    if (!signal) continue;
    const optionalMember = (member.flags & ts.SymbolFlags.Optional) !== 0 || mayBeMissing(memberType);
    nested.push({ members: [member.getName()], optionalBinding, optionalMember, mayBeUndefined: true, mayBeNull: signal.mayBeNull, ...(signal.since ? { since: signal.since } : {}) });
  }
  return { name, nested, ...(direct ? { direct } : {}) };
}

/** The instance fields of a class (`this.<field>`), and those that hold a signal one level down. */
function getClassFacts(checker: ts.TypeChecker, types: SignalTypes, node: ts.ClassLikeDeclaration): ClassFacts | undefined {
  const symbol = node.name ? checker.getSymbolAtLocation(node.name) : checker.getTypeAtLocation(node).getSymbol();
  const classSymbol = symbol ?? (ts.isClassExpression(node) ? checker.getTypeAtLocation(node).getSymbol() : undefined);
  if (!classSymbol) return undefined;
  const instance = checker.getDeclaredTypeOfSymbol(classSymbol);
  const fields: string[] = [];
  const signals: TypedSignal[] = [];
  for (const member of checker.getPropertiesOfType(instance)) {
    if (!(member.flags & ts.SymbolFlags.Property) || !isIdentifierName(member.getName())) continue;
    // A private field of a base class cannot be read here.
    const declarations = member.getDeclarations() ?? [];
    if (declarations.some((declaration) => hasModifier(declaration, ts.SyntaxKind.PrivateKeyword) && !isWithinNode(declaration, node))) continue;
    const type = checker.getTypeOfSymbolAtLocation(member, node);
    if (isUnknown(type)) continue;
    fields.push(member.getName());
    const holder = getHolder(checker, type);
    const signal = holder && getSignalOf(checker, types, holder, node);
    if (!signal) continue;
    const optionalMember = (member.flags & ts.SymbolFlags.Optional) !== 0 || mayBeMissing(type);
    signals.push({ members: [member.getName()], optionalBinding: false, optionalMember, mayBeUndefined: true, mayBeNull: signal.mayBeNull, ...(signal.since ? { since: signal.since } : {}) });
  }
  return { fields, signals };
}

/** The object type (past `undefined`/`null`) whose members can be read, if the type is one. */
function getHolder(checker: ts.TypeChecker, type: ts.Type): ts.Type | undefined {
  const nonNull = checker.getNonNullableType(type);
  if (isUnknown(nonNull) || has(nonNull, PRIMITIVE) || nonNull.getCallSignatures().length > 0) return undefined;
  const apparent = checker.getApparentType(nonNull);
  return apparent.flags & ts.TypeFlags.Object || apparent.isIntersection() || apparent.isUnion() ? apparent : undefined;
}

/** `holder.signal` when it is an AbortSignal: how it may be missing. */
function getSignalOf(checker: ts.TypeChecker, types: SignalTypes, holder: ts.Type, at: ts.Node): { mayBeUndefined: boolean; mayBeNull: boolean; since?: string } | undefined {
  const property = checker.getPropertyOfType(holder, 'signal');
  if (!property) return undefined;
  const type = checker.getTypeOfSymbolAtLocation(property, at);
  if (!types.isAbortSignal(type)) return undefined;
  const since = getNodeSince(property);
  return {
    mayBeUndefined: (property.flags & ts.SymbolFlags.Optional) !== 0 || has(type, ts.TypeFlags.Undefined),
    mayBeNull: has(type, ts.TypeFlags.Null),
    ...(since ? { since } : {}),
  };
}

/**
 * The Node version that added a property of Node's own typings (`@since v26.1.0` in
 * `@types/node`: `IncomingMessage#signal`), which older Node versions leave undefined.
 */
function getNodeSince(property: ts.Symbol): string | undefined {
  for (const declaration of property.getDeclarations() ?? []) {
    if (!/[\\/]@types[\\/]node[\\/]/.test(declaration.getSourceFile().fileName)) continue;
    for (const tag of ts.getJSDocTags(declaration)) {
      if (tag.tagName.text !== 'since') continue;
      const version = /(\d+\.\d+\.\d+)/.exec(ts.getTextOfJSDocComment(tag.comment) ?? '')?.[1];
      if (version) return version;
    }
  }
  return undefined;
}

/** Members of `holder` code outside its class can read by name: not `signal`, private, protected or methods. */
function getReadableMembers(checker: ts.TypeChecker, holder: ts.Type, at: ts.Node): ts.Symbol[] {
  return checker.getPropertiesOfType(holder).filter((member) => {
    const name = member.getName();
    if (name === 'signal' || !isIdentifierName(name) || member.flags & ts.SymbolFlags.Method) return false;
    const declarations = member.getDeclarations() ?? [];
    if (declarations.some((declaration) => hasModifier(declaration, ts.SyntaxKind.PrivateKeyword) || hasModifier(declaration, ts.SyntaxKind.ProtectedKeyword))) return false;
    return !isUnknown(checker.getTypeOfSymbolAtLocation(member, at));
  });
}

/** A Fetch `Request` of the declaration files (lib.dom, undici-types), not a project's type of that name. */
function isFetchRequest(type: ts.Type): boolean {
  const symbol = type.getSymbol();
  return symbol?.getName() === 'Request' && (symbol.getDeclarations() ?? []).some((declaration) => declaration.getSourceFile().isDeclarationFile);
}

function getElementKey(element: ts.BindingElement): string | undefined {
  const key = element.propertyName ?? element.name;
  return ts.isIdentifier(key) ? key.text : ts.isStringLiteral(key) ? key.text : undefined;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind);
}

function isWithinNode(node: ts.Node, container: ts.Node): boolean {
  return node.getSourceFile() === container.getSourceFile() && node.pos >= container.pos && node.end <= container.end;
}

function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}

/** Where each line of `text` starts, by the line breaks the compiler counts (`getLineAndCharacterOfPosition`). */
function getLineStarts(text: string): number[] {
  const starts = [0];
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '\r' && text[at + 1] === '\n') continue;
    if (char === '\n' || char === '\r' || char === '\u2028' || char === '\u2029') starts.push(at + 1);
  }
  return starts;
}
