import type { ASTPath } from 'jscodeshift';
import { buildObjectWithProperty } from '../src/ast/add-object-property.ts';
import { getNodeText } from '../src/ast/get-node-text.ts';
import { parseExpression } from '../src/ast/parse-snippet.ts';
import { replaceNode, withComments } from '../src/ast/replace-node.ts';
import { CATALOG } from '../src/catalog/entries.ts';
import { CallMatcher, type CallMatch } from '../src/catalog/match.ts';
import type { CatalogEntry } from '../src/catalog/types.ts';
import { getProperty, getSignalArgument, type SignalArgument } from '../src/catalog/signal-argument.ts';
import { createJscodeshiftTransform } from '../src/engine/adapter.ts';
import { getDeclaredMemberType, getSignalInScope, isAbortSignalType, isMaybeNullishBinding, type SignalInScope } from '../src/scope/get-signal-in-scope.ts';
import type { TransformContext, TransformMeta } from '../src/types.ts';

type Node = any;

export const meta: TransformMeta = {
  name: 'forward-signal',
  description: 'Pass the AbortSignal in scope to every signal-aware call (fetch, axios, fs, child_process, SDKs, ...) that lacks one',
  // No signal in scope without one of these words in the text.
  mayApply: (source) => /signal|Signal|Request\b|AbortController/.test(source),
  rule: 'unforwarded-signal',
};

const MESSAGES = {
  forwarded: (signal: string, callee: string) => `passes ${signal} to ${callee}()`,
  manual: (callee: string, reason: string, signal: string) => `${callee}(): ${reason}; pass ${signal} by hand`,
  unknownOptionsType: (name: string) => `cannot tell whether \`${name}\` already carries a signal`,
  nestedIdentifier: (name: string) => `the options \`${name}\` are a variable and the signal goes in a nested object`,
} as const;

export function transform(ctx: TransformContext): void {
  const extra = (ctx.options.catalog ?? []) as readonly CatalogEntry[];
  const matcher = new CallMatcher(ctx.j, ctx.root, extra.length > 0 ? [...CATALOG, ...extra] : CATALOG);
  ctx.root.find(ctx.j.CallExpression).forEach((path) => {
    const match = matcher.getMatch(path);
    if (!match) return;
    const signal = getSignalInScope(ctx.j, ctx.root, path);
    if (!signal) return;
    forwardSignal(ctx, path, match, signal);
  });
}

export default createJscodeshiftTransform({ meta, transform });

function forwardSignal(ctx: TransformContext, path: ASTPath, match: CallMatch, signal: SignalInScope): void {
  const slot = match.entry.signal;
  const args = (path.node as Node).arguments as Node[];
  const keys = slot.property.split('.');
  if (passesSignalOwner(args, signal)) return;
  const argument = resolveIdentifier(ctx, path, getSignalArgument(path, slot), keys, signal);
  const manual = (reason: string) => ctx.manual(path, MESSAGES.manual(match.callee, reason, signal.expression));

  switch (argument.kind) {
    case 'passed':
      return;
    case 'unsure':
      return manual(argument.reason);
    case 'append':
      for (let i = 0; i < argument.fill; i++) args.push(ctx.j.identifier('undefined'));
      args.push(parseExpression(ctx.j, `{ ${buildPropertyText(keys, signal)} }`));
      break;
    case 'insert':
      args.splice(argument.index, 0, parseExpression(ctx.j, `{ ${buildPropertyText(keys, signal)} }`));
      break;
    case 'encoding': {
      const encoding = getNodeText(args[argument.index]);
      if (encoding === undefined) return manual('the encoding argument was already rewritten');
      args[argument.index] = withComments(args[argument.index], parseExpression(ctx.j, `{ encoding: ${encoding}, ${buildPropertyText(keys, signal)} }`));
      break;
    }
    case 'add-property': {
      const text = buildObjectWithProperty(argument.object, buildPropertyText(argument.keys, signal));
      if (text === undefined) return manual('the options object was already rewritten');
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
  ctx.edit(path, MESSAGES.forwarded(signal.expression, match.callee));
}

/**
 * `fetch(request)` and `fetch(new Request(url, request))` where the signal in scope is
 * `request.signal`: the object that carries the signal is passed whole, so its signal already
 * goes along; `{ signal: request.signal }` next to it would only repeat it.
 */
function passesSignalOwner(args: readonly Node[], signal: SignalInScope): boolean {
  if (signal.property === undefined) return false;
  const isOwner = (arg: Node) => arg?.type === 'Identifier' && arg.name === signal.binding;
  return args.some((arg) => isOwner(arg) || (arg.type === 'NewExpression' && arg.arguments.some(isOwner)));
}

type ResolvedArgument =
  | Exclude<SignalArgument, { kind: 'identifier' }>
  | { readonly kind: 'identifier'; readonly index: number; readonly name: string; readonly keep: boolean; readonly maybeNullish: boolean };

/**
 * Options passed as a variable become `{ ...opts, signal }` when `opts` cannot hold a signal, and
 * `{ ...opts, signal: opts.signal ?? signal }` when it may (the caller's signal wins). In
 * TypeScript `opts.signal` only compiles when the type has the property, so an unreadable type
 * is left for a human; in JavaScript it is always safe to read. `opts?.signal` when `opts` may be
 * undefined (an optional parameter, an untyped one): `{ ...undefined }` is fine, `undefined.signal`
 * throws.
 */
function resolveIdentifier(
  ctx: TransformContext,
  path: ASTPath,
  argument: SignalArgument,
  keys: readonly string[],
  signal: SignalInScope,
): ResolvedArgument {
  if (argument.kind !== 'identifier') return argument;
  // `fetch(url, init)` where the signal in scope is `init.signal`: it is already there.
  if (signal.binding === argument.name) return { kind: 'passed' };
  if (keys.length > 1) return { kind: 'unsure', reason: MESSAGES.nestedIdentifier(argument.name) };
  const { knowledge, maybeNullish } = getOptionsKnowledge(ctx, path, argument.name, keys[0] as string);
  switch (knowledge) {
    case 'passes':
      return { kind: 'passed' };
    case 'cannot-hold':
      return { ...argument, keep: false, maybeNullish };
    case 'may-hold':
      return { ...argument, keep: true, maybeNullish };
    case 'unknown':
      return ctx.typescript ? { kind: 'unsure', reason: MESSAGES.unknownOptionsType(argument.name) } : { ...argument, keep: true, maybeNullish };
  }
}

type OptionsKnowledge = 'passes' | 'cannot-hold' | 'may-hold' | 'unknown';

/** What the declaration of `name` says about its `key` property, and whether it may be nullish. */
function getOptionsKnowledge(ctx: TransformContext, path: ASTPath, name: string, key: string): { knowledge: OptionsKnowledge; maybeNullish: boolean } {
  const scope = (path as Node).scope?.lookup(name);
  const declarations: ASTPath[] = scope?.getBindings()[name] ?? [];
  if (declarations.length !== 1) return { knowledge: 'unknown', maybeNullish: true };
  const declaration = declarations[0] as ASTPath;
  return { knowledge: getDeclarationKnowledge(ctx, declaration, key), maybeNullish: isMaybeNullish(declaration) };
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
function buildPropertyText(keys: readonly string[], signal: SignalInScope): string {
  const [key, ...rest] = keys as [string, ...string[]];
  if (rest.length > 0) return `${key}: { ${buildPropertyText(rest, signal)} }`;
  return key === signal.expression ? key : `${key}: ${signal.expression}`;
}
