import type { ASTPath } from 'jscodeshift';
import { getNodeText } from '../ast/get-node-text.ts';
import { skipAssertions } from '../ast/skip-assertions.ts';
import type { SignalSlot } from './types.ts';

type Node = any;

/**
 * What a call does with the signal slot of its API, and how a signal would get there.
 * A classifier only: nothing is edited here.
 */
export type SignalArgument =
  /** The call already passes a signal (or something that may be one): never touch it. */
  | { readonly kind: 'passed' }
  /** No options yet: append them (after `fill` `undefined`s), or insert them at `index`. */
  | { readonly kind: 'append'; readonly fill: number }
  | { readonly kind: 'insert'; readonly index: number }
  /** An object literal without the property: add `keys` (`['signal']`, `['request', 'signal']`) to `object`. */
  | { readonly kind: 'add-property'; readonly object: Node; readonly keys: readonly string[] }
  /** A string that is an encoding: becomes `{ encoding: <it>, signal }`. */
  | { readonly kind: 'encoding'; readonly index: number }
  /** An identifier holding options that may or may not carry a signal. */
  | { readonly kind: 'identifier'; readonly index: number; readonly name: string }
  /**
   * Cannot tell where the options are or what they hold. `spreads`: the objects an options
   * literal spreads, which carry the signal when they hold it (see insertSignal).
   */
  | { readonly kind: 'unsure'; readonly reason: string; readonly spreads?: readonly Node[] };

const REASONS = {
  tooFewArguments: (index: number) => `the options are argument ${index + 1} and earlier optional arguments are missing`,
  spreadArgument: 'a spread argument hides where the options are',
  ambiguous: (text: string) => `cannot tell whether \`${text}\` is the options object or a positional argument`,
  unknownOptions: (text: string) => `the options \`${text}\` are not an object literal or a plain variable`,
  spreadInOptions: 'the options object spreads another object that may already carry a signal',
  nestedNotLiteral: (key: string) => `\`${key}\` in the options is not an object literal`,
  sdkArguments: 'cannot tell which argument holds the request options',
  callbackOrOptions: (text: string) => `cannot tell whether \`${text}\` is the options object or the callback`,
  requestSignal: (text: string) => `\`${text}\` may be a Request with a signal of its own, which a signal in the options would replace (combine the two with AbortSignal.any())`,
} as const;

const isFunction = (node: Node) => node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';
const isStringLike = (node: Node) =>
  node?.type === 'StringLiteral' || (node?.type === 'Literal' && typeof node.value === 'string') || node?.type === 'TemplateLiteral';
/**
 * Names that say "URL, path or argument list", never "options": `url`, `targetUrl`, `this.baseURL`,
 * `args`, `command`. `got(url)` and `spawn(cmd, args)` are too common to report them all.
 */
const POSITIONAL_NAME = /^(url|uri|href|endpoint|address|path|file|args|argv|command|cmd)$|(Url|URL|Uri|Href|Path|Args|Command)$/;

/** `cb`, `done`, `next`, `onResponse`, `handleRead`, `this.onData`, `fn.bind(this)`. */
const CALLBACK_NAME = /^(cb|callback|done|next|fn|listener|handler)$|^(on|handle)[A-Z]|(Callback|Handler|Listener)$/;
/** `opts`, `options`, `init`, `config`, `requestOptions`, `this.spawnOpts`. */
const OPTIONS_NAME = /^(opts|options|init|config|settings)$|(Options|Opts|Config|Init|Settings)$/;

function getName(node: Node): string | undefined {
  if (node?.type === 'Identifier') return node.name;
  return node?.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' ? node.property.name : undefined;
}

/** A function literal, or a value whose name or `.bind()` says it is a callback. */
function isCallback(node: Node): boolean {
  if (isFunction(node)) return true;
  if (node?.type === 'CallExpression' && getName(node.callee) === 'bind') return true;
  const name = getName(node);
  return name !== undefined && CALLBACK_NAME.test(name);
}

/**
 * Where an API takes a trailing callback, the last argument is the options only when it looks
 * like them: `fs.readFile(path, done)` and `exec(cmd, opts)` read alike otherwise.
 */
function mayBeCallback(node: Node): boolean {
  if (node?.type === 'ObjectExpression' || isStringLike(node)) return false;
  const name = getName(node);
  return name === undefined || !OPTIONS_NAME.test(name);
}

/** `request`, `req`, `upstreamRequest`: names a Fetch Request goes by. */
const REQUEST_NAME = /^(req|request)$|Request$/;

/**
 * `new Request(url, { signal })` or `new Request(other)`, a variable typed `Request` or
 * `RequestInfo`, or an untyped one named like a request. `new Request(url)` and `new
 * Request(url, { method })` carry no signal worth keeping.
 */
function mayBeRequestWithSignal(callPath: ASTPath, node: Node): boolean {
  if (node?.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'Request') {
    const [input, init] = node.arguments as Node[];
    if (!isStringLike(input) && !(input?.type === 'Identifier' && isPositional(input))) return true;
    return init !== undefined && (init.type !== 'ObjectExpression' || classifyObject(init, ['signal']).kind !== 'add-property');
  }
  if (node?.type !== 'Identifier') return false;
  const bindings: ASTPath[] = (callPath as Node).scope?.lookup(node.name)?.getBindings()[node.name] ?? [];
  const annotation = (bindings[0]?.node as Node | undefined)?.typeAnnotation?.typeAnnotation;
  if (!annotation) return REQUEST_NAME.test(node.name);
  const names = (annotation.type === 'TSUnionType' ? annotation.types : [annotation]).map((type: Node) =>
    type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' ? type.typeName.name : undefined,
  );
  return names.some((name: string | undefined) => name === 'Request' || name === 'RequestInfo');
}

function isPositional(node: Node): boolean {
  if (isStringLike(node) || node?.type === 'ArrayExpression' || node?.type === 'NumericLiteral' || node?.type === 'NewExpression') return true;
  const name = node?.type === 'Identifier' ? node.name : node?.type === 'MemberExpression' && !node.computed ? node.property.name : undefined;
  return typeof name === 'string' && POSITIONAL_NAME.test(name);
}

/** Where the signal would go in this call, per the catalog slot. */
export function getSignalArgument(callPath: ASTPath, slot: SignalSlot): SignalArgument {
  const args = (callPath.node as Node).arguments as Node[];
  if (args.some((arg) => arg.type === 'SpreadElement')) return { kind: 'unsure', reason: REASONS.spreadArgument };
  if (slot.requestFirst && mayBeRequestWithSignal(callPath, args[0])) return { kind: 'unsure', reason: REASONS.requestSignal(getText(args[0])) };
  const path = slot.property.split('.');
  const position = slot.position;

  switch (position.kind) {
    case 'index': {
      const { index } = position;
      const arg = args[index];
      if (arg === undefined) {
        if (args.length === index) return { kind: 'append', fill: 0 };
        return slot.fillUndefined && !args.some(isFunction) ? { kind: 'append', fill: index - args.length } : { kind: 'unsure', reason: REASONS.tooFewArguments(index) };
      }
      if (slot.callbackLast && arg === args[args.length - 1]) {
        if (isCallback(arg)) return { kind: 'insert', index };
        if (mayBeCallback(arg)) return { kind: 'unsure', reason: REASONS.callbackOrOptions(getText(arg)) };
      }
      return classifyOptions(arg, index, path, slot);
    }
    case 'after-positional': {
      // Past the positional argument and the options there is only the callback.
      const callback = slot.callbackLast && (isCallback(args[args.length - 1]) || args.length > position.minIndex + 2) ? 1 : 0;
      const lastIndex = args.length - 1 - callback;
      const last = args[lastIndex];
      if (lastIndex < position.minIndex) {
        return lastIndex === position.minIndex - 1 ? { kind: 'insert', index: lastIndex + 1 } : { kind: 'unsure', reason: REASONS.tooFewArguments(position.minIndex) };
      }
      if (last.type === 'ObjectExpression') return classifyOptions(last, lastIndex, path, slot);
      // Only one optional positional argument comes before the options (`args`, `url`): an
      // argument after it is the options (`spawn(cmd, args, opts)`), or a callback passed by a
      // name that does not say so (`http.get(url, respond)`).
      if (lastIndex > position.minIndex) {
        if (slot.callbackLast && callback === 0 && mayBeCallback(last)) return { kind: 'unsure', reason: REASONS.callbackOrOptions(getText(last)) };
        return classifyOptions(last, lastIndex, path, slot);
      }
      if (isPositional(last)) return { kind: 'insert', index: lastIndex + 1 };
      return { kind: 'unsure', reason: REASONS.ambiguous(getText(last)) };
    }
    case 'last': {
      const last = args[args.length - 1];
      if (last?.type === 'ObjectExpression') return classifyOptions(last, args.length - 1, path, slot);
      return { kind: 'append', fill: 0 };
    }
    case 'request-options': {
      if (args.length === 1) return { kind: 'append', fill: 0 };
      const last = args[args.length - 1];
      if (args.length > 1 && last.type === 'ObjectExpression' && isRequestOptions(last, position.optionKeys)) {
        return classifyOptions(last, args.length - 1, path, slot);
      }
      return { kind: 'unsure', reason: REASONS.sdkArguments };
    }
  }
}

function classifyOptions(arg: Node, index: number, path: readonly string[], slot: SignalSlot): SignalArgument {
  // `fetch(input, { ...init, dispatcher } as RequestInit)`: the literal inside the assertion.
  if (skipAssertions(arg)?.type === 'ObjectExpression') return classifyObject(skipAssertions(arg), path);
  if (slot.stringIsEncoding && isStringLike(arg)) return { kind: 'encoding', index };
  if (arg.type === 'Identifier' && arg.name !== 'undefined') return { kind: 'identifier', index, name: arg.name };
  if (arg.type === 'Identifier' && arg.name === 'undefined') return { kind: 'unsure', reason: REASONS.unknownOptions('undefined') };
  return { kind: 'unsure', reason: REASONS.unknownOptions(getText(arg)) };
}

function classifyObject(object: Node, path: readonly string[]): SignalArgument {
  const [key, ...rest] = path as [string, ...string[]];
  const property = getProperty(object, key);
  if (property) {
    if (rest.length === 0) return { kind: 'passed' };
    if (property.value.type !== 'ObjectExpression') return { kind: 'unsure', reason: REASONS.nestedNotLiteral(key) };
    return classifyObject(property.value, rest);
  }
  const spreads = object.properties.filter((p: Node) => p.type === 'SpreadElement' || p.type === 'SpreadProperty');
  if (spreads.length > 0) return { kind: 'unsure', reason: REASONS.spreadInOptions, spreads: spreads.map((p: Node) => p.argument) };
  return { kind: 'add-property', object, keys: path };
}

export function getProperty(object: Node, key: string): Node | undefined {
  return object.properties.find(
    (p: Node) =>
      (p.type === 'ObjectProperty' || p.type === 'Property') &&
      !p.computed &&
      ((p.key.type === 'Identifier' && p.key.name === key) || ((p.key.type === 'StringLiteral' || p.key.type === 'Literal') && p.key.value === key)),
  );
}

function isRequestOptions(object: Node, keys: readonly string[]): boolean {
  return (
    object.properties.length > 0 &&
    object.properties.every(
      (p: Node) => (p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed && p.key.type === 'Identifier' && keys.includes(p.key.name),
    )
  );
}

function getText(node: Node): string {
  const text = getNodeText(node) ?? node.type;
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
