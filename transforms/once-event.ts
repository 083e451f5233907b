import type { ASTPath } from 'jscodeshift';
import { buildArrowParam } from '../src/ast/build-arrow-param.ts';
import { buildTimeoutSignalText } from '../src/ast/build-timeout-signal.ts';
import { getModuleKind } from '../src/ast/get-module-kind.ts';
import { getSourceNames } from '../src/ast/get-abort-handled-resource.ts';
import { isAbortEvent } from '../src/catalog/is-abort-event.ts';
import { getForwardingObstacle } from '../src/ast/get-forwarding-obstacle.ts';
import { getNodeText } from '../src/ast/get-node-text.ts';
import { getNodeImportVerdict } from '../src/ast/get-node-import-verdict.ts';
import { getSinkSignalText } from '../src/ast/get-sink-signal-text.ts';
import { isGlobalReference } from '../src/ast/is-global-reference.ts';
import {
  addModuleMember,
  findModuleMember,
  getMemberText,
  type MemberReference,
  type ModuleMember,
} from '../src/ast/module-member.ts';
import { parseExpression } from '../src/ast/parse-snippet.ts';
import { createJscodeshiftTransform } from '../src/engine/adapter.ts';
import { getFeatureSupport } from '../src/runtime/features.ts';
import { getSignalInScope, mayHaveSignal, type SignalInScope } from '../src/scope/get-signal-in-scope.ts';
import type { TransformContext, TransformMeta } from '../src/types.ts';

type Node = any;

export const meta: TransformMeta = {
  name: 'once-event',
  description: 'Turn new Promise wrappers around emitter.once(...) into events.once(emitter, name, { signal })',
  // Only with a signal or a timer in scope.
  mayApply: (source, hints) =>
    source.includes('Promise') && /\.(once|on|addListener|addEventListener)\(/.test(source) && (mayHaveSignal(source, hints) || source.includes('setTimeout')),
  rule: 'once-without-signal',
  behaviourChange: "the promise rejects with an AbortError on abort or timeout, and a later 'error' event with no other listener now throws",
};

const MESSAGES = {
  rewritten: (signal: string) => `now uses events.once(), which removes its listeners and stops on abort of ${signal}`,
  rewrittenTimer: (ms: string, signal: string | undefined) =>
    `now uses events.once() with AbortSignal.timeout(${ms})${signal ? ` combined with ${signal}` : ''}: ` +
    'on timeout it rejects with an AbortError (cause: a TimeoutError) instead of the error the timer built, and no timer is left behind',
  noErrorListener:
    "no 'error' listener: with events.once() an 'error' event would reject this promise, where today emit('error') throws (no listener) and the promise stays pending; rewrite by hand",
  extraLogic: 'the executor does more than listen for the event; pass the signal by hand (or use events.once())',
  eventTarget: 'EventTarget listener: events.once() resolves with [event] and ignores "error" events; rewrite by hand if that fits',
  unsupported: (reason: string) => `not rewritten to events.once(): ${reason}`,
  browser: 'browser-only file: node:events is not available; rerun with --runtime node to rewrite it anyway',
  universal: (why: string) =>
    `this file's package also runs outside Node (${why}): a node:events import would break those builds; rerun with --runtime node to rewrite it anyway`,
  unknownModule: 'cannot tell whether this file is an ES module or CommonJS, so no import was added',
} as const;

const EVENTS_ONCE: ModuleMember = {
  modules: ['node:events', 'events'],
  member: 'once',
  aliases: ['once', 'onceEvent'],
};

/** Registration methods whose listener, once called, settles the promise: any of them fits. */
const EMITTER_METHODS = new Set(['once', 'on', 'addListener']);

/** What the promise resolves with, in terms of the listener's arguments. */
type Resolution =
  | { readonly kind: 'first' } // `resolve` itself, `(v) => resolve(v)`
  | { readonly kind: 'all' } // `(...args) => resolve(args)`
  | { readonly kind: 'value'; readonly text: string }; // `() => resolve()`, `() => resolve(true)`

/** A `new Promise` that only waits for one event of one emitter. */
interface OncePromise {
  readonly path: ASTPath;
  readonly emitter: string;
  readonly event: string;
  readonly resolution: Resolution;
  /** `setTimeout(() => reject(...), ms)` in the executor: its delay. */
  readonly timeout?: string;
  /** `T` of `new Promise<T>(...)`, as written. */
  readonly valueType?: string;
}

type Classified =
  | { readonly kind: 'once'; readonly promise: OncePromise; readonly hasErrorListener: boolean }
  | { readonly kind: 'manual'; readonly path: ASTPath; readonly reason: string };

export function transform(ctx: TransformContext): void {
  const sites = getSites(ctx);
  if (sites.length === 0) return;
  const blocked = getBlockedReason(ctx);
  const moduleKind = getModuleKind(ctx.j, ctx.root, ctx.path);

  let reference: MemberReference | undefined;
  const getCallee = (kind: NonNullable<typeof moduleKind>) => {
    reference ??=
      findModuleMember(ctx.j, ctx.root, EVENTS_ONCE) ??
      addModuleMember(ctx, kind, EVENTS_ONCE);
    return getMemberText(reference);
  };

  for (const site of sites) {
    // Without a signal or a timer there is nothing to cancel: not this transform's business.
    const inScope = getSignalInScope(ctx.j, ctx.root, site.kind === 'once' ? site.promise.path : site.path);
    if (!inScope && !(site.kind === 'once' && site.promise.timeout)) continue;
    if (site.kind === 'manual') {
      ctx.manual(site.path, site.reason);
      continue;
    }
    if (!site.hasErrorListener) {
      ctx.manual(site.promise.path, MESSAGES.noErrorListener);
      continue;
    }
    const emitter = getEmitterBase(site.promise.emitter);
    const obstacle = inScope ? getForwardingObstacle(site.promise.path, inScope, getSourceNames(site.promise.path, emitter)) : undefined;
    // A signal that would gain nothing (cleanup in a finally) stays out; a timeout of the wait's
    // own is still worth its deadline.
    const signal = obstacle?.kind === 'no-gain' ? undefined : inScope;
    if (!signal && !site.promise.timeout) continue;
    if (obstacle?.kind === 'obstacle') {
      (obstacle.handled ? ctx.handled : ctx.manual)(site.promise.path, MESSAGES.unsupported(obstacle.reason));
      continue;
    }
    if (blocked) {
      ctx.manual(site.promise.path, blocked);
      continue;
    }
    if (!moduleKind) {
      ctx.manual(site.promise.path, MESSAGES.unknownModule);
      continue;
    }
    const options = getOptionsText(ctx, site.promise, signal);
    if (options.kind === 'unsupported') {
      ctx.manual(site.promise.path, MESSAGES.unsupported(options.reason));
      continue;
    }
    // Recorded first: the finding takes its position from the node about to be replaced.
    const { timeout } = site.promise;
    ctx.edit(site.promise.path, timeout ? MESSAGES.rewrittenTimer(timeout, signal?.expression) : MESSAGES.rewritten(signal?.expression ?? ''));
    rewrite(ctx, site.promise, getCallee(moduleKind), options.text);
  }
}

export default createJscodeshiftTransform({ meta, transform });

/** Why no `node:events` import may be added here; a file that already imports `once` needs none. */
function getBlockedReason(ctx: TransformContext): string | undefined {
  if (findModuleMember(ctx.j, ctx.root, EVENTS_ONCE)) return undefined;
  const verdict = getNodeImportVerdict(ctx.j, ctx.root, ctx.options);
  if (verdict.allowed) return undefined;
  return verdict.reason === 'universal' ? MESSAGES.universal(verdict.why) : MESSAGES.browser;
}

function getSites(ctx: TransformContext): Classified[] {
  const found: Classified[] = [];
  ctx.index.find(ctx.j.NewExpression).forEach((path) => {
    const classified = classifyPromise(path);
    if (classified) found.push(classified);
  });
  return found;
}

/**
 * A `new Promise((resolve, reject) => { ... })` whose executor registers a listener that
 * resolves it. Undefined for any other promise; `manual` for one that listens for an event but
 * does something the rewrite cannot keep.
 */
function classifyPromise(path: ASTPath): Classified | undefined {
  const node = path.node as Node;
  if (node.callee.type !== 'Identifier' || node.callee.name !== 'Promise' || node.arguments.length !== 1) return undefined;
  if (!isGlobalReference(path, 'Promise')) return undefined;
  const executor = node.arguments[0];
  if (executor.type !== 'ArrowFunctionExpression' && executor.type !== 'FunctionExpression') return undefined;
  if (executor.async || executor.generator || executor.params.length === 0 || executor.params.length > 2) return undefined;
  if (!executor.params.every((param: Node) => param.type === 'Identifier')) return undefined;
  const resolve = executor.params[0].name as string;
  const reject = executor.params[1]?.name as string | undefined;

  const parts = getExecutorCalls(executor.body).map((call) => (call ? classifyCall(call, resolve, reject) : OTHER));
  const resolver = parts.find((part) => part.kind === 'resolve');
  const eventTarget = parts.find((part) => part.kind === 'event-target');
  if (!resolver && !eventTarget) return undefined;
  if (!resolver || resolver.kind !== 'resolve') return { kind: 'manual', path, reason: MESSAGES.eventTarget };

  const errors = parts.filter((part) => part.kind === 'reject-on-error');
  const timers = parts.filter((part) => part.kind === 'timer');
  const fits =
    parts.every((part) => part.kind !== 'other' && part.kind !== 'event-target') &&
    parts.filter((part) => part.kind === 'resolve').length === 1 &&
    errors.length <= 1 &&
    timers.length <= 1 &&
    errors.every((part) => part.kind === 'reject-on-error' && part.emitter === resolver.emitter) &&
    (timers.length === 0 || isGlobalReference(path, 'setTimeout'));
  if (!fits) return { kind: 'manual', path, reason: MESSAGES.extraLogic };
  const timer = timers[0];
  return {
    kind: 'once',
    hasErrorListener: errors.length === 1,
    promise: {
      path,
      emitter: resolver.emitter,
      event: resolver.event,
      resolution: resolver.resolution,
      timeout: timer?.kind === 'timer' ? timer.delay : undefined,
      valueType: getTypeArgumentText(node),
    },
  };
}

/** The executor's statements as calls; undefined for a statement that is not a plain call. */
function getExecutorCalls(body: Node): (Node | undefined)[] {
  if (body.type !== 'BlockStatement') return [body.type === 'CallExpression' ? body : undefined];
  return body.body.map((statement: Node) =>
    statement.type === 'ExpressionStatement' && statement.expression.type === 'CallExpression' ? statement.expression : undefined,
  );
}

type ExecutorPart =
  | { readonly kind: 'resolve'; readonly emitter: string; readonly event: string; readonly resolution: Resolution }
  | { readonly kind: 'reject-on-error'; readonly emitter: string }
  | { readonly kind: 'timer'; readonly delay: string }
  | { readonly kind: 'event-target' }
  | { readonly kind: 'other' };

const OTHER: ExecutorPart = { kind: 'other' };

/** One call of the executor: a listener that settles the promise, a rejecting timer, or other. */
function classifyCall(call: Node, resolve: string, reject: string | undefined): ExecutorPart {
  const callee = call.callee;
  if (callee.type === 'Identifier' && callee.name === 'setTimeout') return classifyTimer(call, reject);
  if ((callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier')) return { kind: 'other' };
  const method = callee.property.name as string;
  const [eventNode, listener] = call.arguments as Node[];
  if (method === 'addEventListener') {
    // `signal.addEventListener('abort', () => resolve('aborted'))`: the wait for the abort itself.
    if (isAbortEvent(getEventText(eventNode)?.value ?? '')) return { kind: 'other' };
    return listener && getResolution(listener, resolve) ? { kind: 'event-target' } : { kind: 'other' };
  }
  if (!EMITTER_METHODS.has(method) || call.arguments.length !== 2 || !isPlainEmitter(callee.object)) return { kind: 'other' };
  const emitter = getNodeText(callee.object);
  const event = getEventText(eventNode);
  if (emitter === undefined || event === undefined) return { kind: 'other' };
  if (event.value === 'error') {
    return reject !== undefined && getResolution(listener, reject)?.kind === 'first' ? { kind: 'reject-on-error', emitter } : { kind: 'other' };
  }
  const resolution = getResolution(listener, resolve);
  return resolution ? { kind: 'resolve', emitter, event: event.text, resolution } : { kind: 'other' };
}

/** `setTimeout(() => reject(new Error('timeout')), ms)`: the timer fails the wait. */
function classifyTimer(call: Node, reject: string | undefined): ExecutorPart {
  const [callback, delay] = call.arguments as Node[];
  if (reject === undefined || call.arguments.length !== 2 || delay.type === 'SpreadElement') return { kind: 'other' };
  if (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression') return { kind: 'other' };
  const body = getOnlyCall(callback.body);
  if (callback.params.length !== 0 || body?.callee.type !== 'Identifier' || body.callee.name !== reject) return { kind: 'other' };
  const text = getNodeText(delay);
  return text === undefined || mentionsIdentifier(delay, reject) ? { kind: 'other' } : { kind: 'timer', delay: text };
}

/** An emitter read without side effects: `emitter`, `this.socket`, `this.#child.stdout`. */
function isPlainEmitter(node: Node): boolean {
  if (node.type === 'Identifier' || node.type === 'ThisExpression') return true;
  return node.type === 'MemberExpression' && !node.computed && isPlainEmitter(node.object);
}

/** The binding an emitter is read from: `child` for `child.stdout`, `this.socket` for `this.socket.io`. */
function getEmitterBase(emitter: string): string {
  const [head, next] = emitter.split('.');
  return head === 'this' && next !== undefined ? `this.${next}` : (head as string);
}

/** A string literal event name, or a constant-looking reference (`EVENTS.done`, `DONE`). */
function getEventText(node: Node): { text: string; value?: string } | undefined {
  const text = getNodeText(node);
  if (text === undefined) return undefined;
  if ((node.type === 'StringLiteral' || node.type === 'Literal') && typeof node.value === 'string') return { text, value: node.value };
  if (node.type === 'Identifier' || (node.type === 'MemberExpression' && !node.computed && isPlainEmitter(node.object))) return { text };
  return undefined;
}

/**
 * How a listener settles the promise through `settle` (resolve or reject): `settle`, `(v) =>
 * settle(v)`, `(...args) => settle(args)`, `() => settle()`, `() => settle(literal)`.
 */
function getResolution(listener: Node, settle: string): Resolution | undefined {
  if (!listener) return undefined;
  if (listener.type === 'Identifier') return listener.name === settle ? { kind: 'first' } : undefined;
  if (listener.type !== 'ArrowFunctionExpression' && listener.type !== 'FunctionExpression') return undefined;
  if (listener.async || listener.generator) return undefined;
  const call = getOnlyCall(listener.body);
  if (call?.callee.type !== 'Identifier' || call.callee.name !== settle || call.arguments.length > 1) return undefined;
  const [param] = listener.params as Node[];
  const [argument] = call.arguments as Node[];
  if (listener.params.length > 1) return undefined;
  if (!argument) return { kind: 'value', text: 'undefined' };
  if (param?.type === 'Identifier' && argument.type === 'Identifier' && argument.name === param.name) return { kind: 'first' };
  if (param?.type === 'RestElement' && param.argument.type === 'Identifier' && argument.type === 'Identifier' && argument.name === param.argument.name) {
    return { kind: 'all' };
  }
  const text = getNodeText(argument);
  if (!param && text !== undefined && isConstant(argument)) return { kind: 'value', text };
  return undefined;
}

function isConstant(node: Node): boolean {
  if (['StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'Literal'].includes(node.type)) return true;
  return node.type === 'Identifier' && node.name === 'undefined';
}

/** The call of an arrow's expression body, or of a block holding one call statement. */
function getOnlyCall(body: Node): Node | undefined {
  if (body.type === 'CallExpression') return body;
  if (body.type !== 'BlockStatement' || body.body.length !== 1) return undefined;
  const statement = body.body[0];
  return statement.type === 'ExpressionStatement' && statement.expression.type === 'CallExpression' ? statement.expression : undefined;
}

function mentionsIdentifier(node: Node, name: string): boolean {
  if (!node || typeof node !== 'object') return false;
  if (node.type === 'Identifier' && node.name === name) return true;
  return Object.keys(node).some((key) => {
    if (key === 'loc' || key === 'tokens' || key === 'comments') return false;
    const value = node[key];
    return Array.isArray(value) ? value.some((item) => mentionsIdentifier(item, name)) : value && typeof value === 'object' && mentionsIdentifier(value, name);
  });
}

type OptionsText = { readonly kind: 'ok'; readonly text: string } | { readonly kind: 'unsupported'; readonly reason: string };

/** `{ signal }`, `{ signal: options.signal }`, or a timeout signal combined with the caller's. */
function getOptionsText(ctx: TransformContext, promise: OncePromise, signal: SignalInScope | undefined): OptionsText {
  const support = getFeatureSupport(ctx.options, 'events.once signal');
  if (!support.supported) return { kind: 'unsupported', reason: support.reason as string };
  if (promise.timeout !== undefined) {
    const timeout = buildTimeoutSignalText(promise.path, ctx.options, promise.timeout, signal);
    if (timeout.kind === 'unsupported') return timeout;
    return { kind: 'ok', text: `{ signal: ${timeout.text} }` };
  }
  const expression = getSinkSignalText(ctx.j, ctx.root, signal as SignalInScope, false);
  return { kind: 'ok', text: expression === 'signal' ? '{ signal }' : `{ signal: ${expression} }` };
}

/**
 * Replaces the promise with `once(emitter, event, options)`, keeping what it resolves with:
 * `once()` resolves with the array of the listener's arguments. A value nobody reads
 * (`await p;`) needs nothing; `const x = await p` becomes `const [x] = await once(...)`; any other
 * use gets `.then(([value]) => value)` (or `.then(() => constant)`). `once()` resolves with
 * `any[]`, so the `T` of `new Promise<T>` is kept as a cast of the value (an annotation on the
 * callback's parameter would not check: `any[]` is not a tuple).
 */
function rewrite(ctx: TransformContext, promise: OncePromise, callee: string, options: string): void {
  const call = `${callee}(${promise.emitter}, ${promise.event}, ${options})`;
  const { resolution, valueType } = promise;
  const use = getUse(promise.path);
  if (use.kind === 'ignored' || (resolution.kind === 'all' && valueType === undefined)) {
    promise.path.replace(parseExpression(ctx.j, call));
    return;
  }
  if (resolution.kind === 'first' && use.kind === 'declared' && valueType === undefined) {
    use.declarator.id = ctx.j.arrayPattern([use.declarator.id]);
    promise.path.replace(parseExpression(ctx.j, call));
    return;
  }
  promise.path.replace(parseExpression(ctx.j, `${call}.then(${buildThenCallback(ctx, resolution, valueType)})`));
}

/** `([value]) => value as T`, `(args) => args as T` or `() => constant`. */
function buildThenCallback(ctx: TransformContext, resolution: Resolution, valueType: string | undefined): string {
  const cast = valueType === undefined ? '' : ` as ${valueType}`;
  if (resolution.kind === 'first') return `([value]) => value${cast}`;
  if (resolution.kind === 'all') return `${buildArrowParam(ctx, 'args')} => args${cast}`;
  return `() => ${resolution.text}`;
}

/** The text of `T` in `new Promise<T>(...)`; Flow's type arguments have no `as`, so TypeScript only. */
function getTypeArgumentText(node: Node): string | undefined {
  const params = (node.typeArguments ?? node.typeParameters)?.params;
  if (params?.length !== 1 || !params[0].type.startsWith('TS')) return undefined;
  return getNodeText(params[0]);
}

type Use = { readonly kind: 'ignored' } | { readonly kind: 'declared'; readonly declarator: Node } | { readonly kind: 'other' };

/** `await p;` (value ignored), `const x = await p` (untyped identifier), or anything else. */
function getUse(path: ASTPath): Use {
  let current = path;
  while (current.parentPath?.node?.type === 'ParenthesizedExpression') current = current.parentPath;
  const parent = current.parentPath?.node as Node;
  if (parent?.type !== 'AwaitExpression') return { kind: 'other' };
  const grand = current.parentPath.parentPath?.node as Node;
  if (grand?.type === 'ExpressionStatement') return { kind: 'ignored' };
  if (grand?.type === 'VariableDeclarator' && grand.init === parent && grand.id.type === 'Identifier' && !grand.id.typeAnnotation) {
    return { kind: 'declared', declarator: grand };
  }
  return { kind: 'other' };
}
