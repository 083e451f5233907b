import type { ASTPath } from 'jscodeshift';
import { isRequestBinding } from '../ast/is-request-binding.ts';
import { buildObjectWithProperty } from '../ast/add-object-property.ts';
import { getNodeText } from '../ast/get-node-text.ts';
import { getBindingReferences } from '../ast/get-references.ts';
import { parseExpression } from '../ast/parse-snippet.ts';
import { replaceNode, withComments } from '../ast/replace-node.ts';
import { skipAssertions } from '../ast/skip-assertions.ts';
import { getDeclaredMemberType, isAbortSignalType, isMaybeNullishBinding } from '../scope/get-signal-in-scope.ts';
import type { TransformContext } from '../types.ts';
import { getProperty, getSignalArgument, type SignalArgument } from './signal-argument.ts';
import type { SignalSlot } from './types.ts';

type Node = any;

/** The signal to put into a call: source text, and the binding it reads when it is one. */
export interface SignalToInsert {
  readonly expression: string;
  /** `options` for `options.signal`: passing `options` itself already passes the signal. */
  readonly binding?: string;
}

export type InsertSignalResult =
  | { readonly kind: 'inserted' }
  /** The call already passes a signal (or may): nothing was changed. */
  | { readonly kind: 'passed' }
  | { readonly kind: 'unsure'; readonly reason: string };

const REASONS = {
  unknownOptionsType: (name: string) => `cannot tell whether \`${name}\` already carries a signal`,
  nestedIdentifier: (name: string) => `the options \`${name}\` are a variable and the signal goes in a nested object`,
  mayHoldSignal: (name: string) => `\`${name}\` may already carry a signal`,
  rewritten: (what: string) => `the ${what} was already rewritten`,
  requestSpread: (name: string) => `\`${name}\` is a Request: its properties (its signal among them) do not spread`,
} as const;

/**
 * Puts `signal` into the call at `callPath` where `slot` says its API takes it, editing the
 * arguments in place. Options passed as a variable `opts` become `{ ...opts, signal }` when
 * `opts` cannot hold a signal. When it may, `keepExisting` decides: `{ ...opts, signal:
 * opts.signal ?? signal }` (the caller's signal wins), or `unsure` when a signal already there
 * must not win (a timeout that has to apply).
 */
export function insertSignal(
  ctx: TransformContext,
  callPath: ASTPath,
  slot: SignalSlot,
  signal: SignalToInsert,
  keepExisting: boolean,
): InsertSignalResult {
  const args = (callPath.node as Node).arguments as Node[];
  const keys = slot.property.split('.');
  const argument = resolveIdentifier(ctx, callPath, getSignalArgument(callPath, slot), keys, signal, keepExisting);

  switch (argument.kind) {
    case 'passed':
    case 'unsure':
      return argument;
    case 'append':
      for (let i = 0; i < argument.fill; i++) args.push(ctx.j.identifier('undefined'));
      args.push(parseExpression(ctx.j, `{ ${buildPropertyText(keys, signal)} }`));
      break;
    case 'insert':
      args.splice(argument.index, 0, parseExpression(ctx.j, `{ ${buildPropertyText(keys, signal)} }`));
      break;
    case 'encoding': {
      const encoding = getNodeText(args[argument.index]);
      if (encoding === undefined) return { kind: 'unsure', reason: REASONS.rewritten('encoding argument') };
      args[argument.index] = withComments(args[argument.index], parseExpression(ctx.j, `{ encoding: ${encoding}, ${buildPropertyText(keys, signal)} }`));
      break;
    }
    case 'add-property': {
      const text = buildObjectWithProperty(argument.object, buildPropertyText(argument.keys, signal));
      if (text === undefined) return { kind: 'unsure', reason: REASONS.rewritten('options object') };
      replaceNode(args, argument.object, parseExpression(ctx.j, text));
      break;
    }
    case 'identifier': {
      const key = keys[0] as string;
      const access = argument.maybeNullish ? '?.' : '.';
      const value = argument.keep ? `${argument.name}${access}${key} ?? ${signal.expression}` : signal.expression;
      const property = key === 'signal' && value === 'signal' ? 'signal' : `${key}: ${value}`;
      args[argument.index] = withComments(args[argument.index], parseExpression(ctx.j, `{ ...${argument.name}, ${property} }`));
      break;
    }
  }
  return { kind: 'inserted' };
}

type ResolvedArgument =
  | Exclude<SignalArgument, { kind: 'identifier' }>
  | { readonly kind: 'identifier'; readonly index: number; readonly name: string; readonly keep: boolean; readonly maybeNullish: boolean };

/**
 * In TypeScript `opts.signal` only compiles when the type has the property, so an unreadable
 * type is left for a human; in JavaScript it is always safe to read. `opts?.signal` when `opts`
 * may be undefined (an optional parameter, an untyped one): `{ ...undefined }` is fine,
 * `undefined.signal` throws.
 */
function resolveIdentifier(
  ctx: TransformContext,
  path: ASTPath,
  argument: SignalArgument,
  keys: readonly string[],
  signal: SignalToInsert,
  keepExisting: boolean,
): ResolvedArgument {
  if (argument.kind === 'unsure' && argument.spreads) return resolveSpreads(ctx, path, argument, argument.spreads, keys, signal);
  if (argument.kind !== 'identifier') return argument;
  // `fetch(url, init)` where the signal is `init.signal`: it is already there.
  if (signal.binding === argument.name) return { kind: 'passed' };
  if (keys.length > 1) return { kind: 'unsure', reason: REASONS.nestedIdentifier(argument.name) };
  const { knowledge, maybeNullish } = getOptionsKnowledge(ctx, path, argument.name, keys[0] as string, signal.binding);
  const mayHold = (): ResolvedArgument =>
    keepExisting ? { ...argument, keep: true, maybeNullish } : { kind: 'unsure', reason: REASONS.mayHoldSignal(argument.name) };
  switch (knowledge) {
    case 'passes':
      return { kind: 'passed' };
    case 'cannot-hold':
      return { ...argument, keep: false, maybeNullish };
    case 'may-hold':
      return mayHold();
    case 'unknown':
      return ctx.typescript ? { kind: 'unsure', reason: REASONS.unknownOptionsType(argument.name) } : mayHold();
  }
}

/**
 * An options literal that spreads another object carries what that object holds: the options
 * the signal in scope comes from (`{ ...options, dispatcher }` with `options.signal`), or a
 * binding whose type or value holds the property (`{ ...init, headers }` with `init: RequestInit`).
 * A `Request` is the one spread known to lose it: its properties live on its prototype.
 */
function resolveSpreads(
  ctx: TransformContext,
  path: ASTPath,
  argument: SignalArgument,
  spreads: readonly Node[],
  keys: readonly string[],
  signal: SignalToInsert,
): ResolvedArgument {
  const names = spreads.filter((spread) => spread?.type === 'Identifier').map((spread) => spread.name as string);
  const request = names.find((name) => isRequestBinding(ctx.j, ctx.root, path, name));
  if (request !== undefined) return { kind: 'unsure', reason: REASONS.requestSpread(request) };
  if (keys.length === 1 && signal.binding !== undefined && names.includes(signal.binding)) return { kind: 'passed' };
  const holds =
    names.some((name) => {
      const { knowledge } = getOptionsKnowledge(ctx, path, name, keys[0] as string, signal.binding);
      return knowledge === 'passes' || knowledge === 'may-hold';
    }) || spreads.some((spread) => getLiteralOutcomes(spread).some((object) => getProperty(object, keys[0] as string) !== undefined));
  return keys.length === 1 && holds ? { kind: 'passed' } : (argument as ResolvedArgument);
}

/**
 * The object literals a spread expression may come out as: `...(signal ? { signal } : {})`,
 * `...(signal && { signal })`, through parentheses and casts. One that holds the key passes it.
 */
function getLiteralOutcomes(node: Node): Node[] {
  if (!node) return [];
  if (node.type === 'ObjectExpression') return [node];
  if (skipAssertions(node) !== node) return getLiteralOutcomes(skipAssertions(node));
  if (node.type === 'ConditionalExpression') return [...getLiteralOutcomes(node.consequent), ...getLiteralOutcomes(node.alternate)];
  if (node.type === 'LogicalExpression') return [...getLiteralOutcomes(node.left), ...getLiteralOutcomes(node.right)];
  return [];
}

/** A binding declared with the type `Request` (a parameter or a variable), or set to `new Request(...)`. */
type OptionsKnowledge = 'passes' | 'cannot-hold' | 'may-hold' | 'unknown';

/** What the declaration of `name` says about its `key` property, and whether it may be nullish. */
function getOptionsKnowledge(
  ctx: TransformContext,
  path: ASTPath,
  name: string,
  key: string,
  signalBinding: string | undefined,
  depth = 0,
): { knowledge: OptionsKnowledge; maybeNullish: boolean } {
  const scope = (path as Node).scope?.lookup(name);
  const declarations: ASTPath[] = scope?.getBindings()[name] ?? [];
  if (declarations.length !== 1) return { knowledge: 'unknown', maybeNullish: true };
  const declaration = declarations[0] as ASTPath;
  const value = getConstValue(declaration);
  // `const fetchOptions = { ...init, dispatcher }` where the signal is `init.signal`.
  // A `Request`'s properties live on its prototype: `{ ...request }` copies no signal.
  const carries = value?.type === 'ObjectExpression' && signalBinding !== undefined && spreadsName(value, signalBinding) && !isRequestBinding(ctx.j, ctx.root, declaration, signalBinding);
  if (carries) return { knowledge: 'passes', maybeNullish: false };
  // `const options = fetchOptions as unknown as RequestInit`: what `fetchOptions` holds.
  if (value?.type === 'Identifier' && depth < 3) {
    const { knowledge } = getOptionsKnowledge(ctx, declaration, value.name, key, signalBinding, depth + 1);
    if (knowledge === 'passes') return { knowledge, maybeNullish: false };
  }
  let knowledge = getDeclarationKnowledge(ctx, declaration, key);
  if (knowledge === 'cannot-hold' && mayBeChanged(ctx, path, name)) knowledge = 'unknown';
  return { knowledge, maybeNullish: isMaybeNullish(declaration) };
}

/** The value a `const` declaration binds, through parentheses and type assertions. */
function getConstValue(declaration: ASTPath): Node | undefined {
  const parent = declaration.parentPath?.node as Node;
  const kind = (declaration.parentPath?.parentPath?.parentPath?.node as Node)?.kind;
  if (parent?.type !== 'VariableDeclarator' || parent.id !== declaration.node || kind !== 'const') return undefined;
  return skipAssertions(parent.init);
}

function spreadsName(object: Node, name: string): boolean {
  return object.properties.some((p: Node) => (p.type === 'SpreadElement' || p.type === 'SpreadProperty') && p.argument?.type === 'Identifier' && p.argument.name === name);
}

/**
 * What the declaration says holds only while nothing changes the object: `init.signal = s`,
 * `Object.assign(init, ...)` or any function given `init` may add the property later. Reads of
 * its properties and spreads (`{ ...init }`) leave it as declared.
 */
function mayBeChanged(ctx: TransformContext, callPath: ASTPath, name: string): boolean {
  return getBindingReferences(ctx.j, ctx.root, callPath, name).some((reference) => {
    const parent = reference.parentPath?.node as Node;
    // The call being edited: its argument is what gets the signal.
    if (parent === callPath.node) return false;
    const isMember = (parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.object === reference.node;
    if (isMember) {
      const outer = reference.parentPath?.parentPath?.node as Node;
      return (outer?.type === 'AssignmentExpression' && outer.left === parent) || outer?.type === 'UpdateExpression' || (outer?.type === 'UnaryExpression' && outer.operator === 'delete');
    }
    return parent?.type !== 'SpreadElement' && parent?.type !== 'SpreadProperty';
  });
}

function getDeclarationKnowledge(ctx: TransformContext, declaration: ASTPath, key: string): OptionsKnowledge {
  const parent = declaration.parentPath?.node as Node;
  if (parent?.type === 'VariableDeclarator' && parent.id === declaration.node) {
    const grand = declaration.parentPath?.parentPath?.parentPath?.node as Node;
    const annotation = parent.id.typeAnnotation?.typeAnnotation;
    if (annotation) return getKnowledgeFromType(ctx, annotation, key);
    if (grand?.kind !== 'const' || parent.init?.type !== 'ObjectExpression') return 'unknown';
    if (getProperty(parent.init, key)) return 'passes';
    const hasSpread = parent.init.properties.some((p: Node) => p.type === 'SpreadElement' || p.type === 'SpreadProperty');
    return hasSpread ? 'unknown' : 'cannot-hold';
  }
  const annotation = (declaration.node as Node).typeAnnotation?.typeAnnotation;
  return annotation ? getKnowledgeFromType(ctx, annotation, key) : 'unknown';
}

/**
 * False only when the declaration says `name` holds a value: a type without `undefined`/`null`
 * on a required binding, or a parameter default. Untyped bindings may be anything.
 */
function isMaybeNullish(declaration: ASTPath): boolean {
  const node = declaration.node as Node;
  const parent = declaration.parentPath?.node as Node;
  if (parent?.type === 'AssignmentPattern' && parent.left === node) return false;
  // `const init = { ... }` holds an object for good.
  const kind = (declaration.parentPath?.parentPath?.parentPath?.node as Node)?.kind;
  if (parent?.type === 'VariableDeclarator' && parent.id === node && kind === 'const' && parent.init?.type === 'ObjectExpression') return false;
  return isMaybeNullishBinding(node);
}

function getKnowledgeFromType(ctx: TransformContext, type: Node, key: string): OptionsKnowledge {
  if (type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && type.typeName.name === 'RequestInit' && key === 'signal') {
    return 'may-hold';
  }
  const member = getDeclaredMemberType(ctx.j, ctx.root, type, key);
  if (member === null) return 'cannot-hold';
  if (member === undefined) return 'unknown';
  return isAbortSignalType(member) ? 'may-hold' : 'unknown';
}

/** `signal`, `abortSignal: signal`, `signal: options.signal`, `request: { signal }`. */
function buildPropertyText(keys: readonly string[], signal: SignalToInsert): string {
  const [key, ...rest] = keys as [string, ...string[]];
  if (rest.length > 0) return `${key}: { ${buildPropertyText(rest, signal)} }`;
  return key === signal.expression ? key : `${key}: ${signal.expression}`;
}
