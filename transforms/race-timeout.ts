import { builtinModules } from 'node:module';
import type { ASTPath } from 'jscodeshift';
import { buildArrowParam } from '../src/ast/build-arrow-param.ts';
import { buildAnySignalText, buildTimeoutSignalText, type TimeoutSignalText } from '../src/ast/build-timeout-signal.ts';
import { getNodeText } from '../src/ast/get-node-text.ts';
import { getBindingReferences } from '../src/ast/get-references.ts';
import { isGlobalReference } from '../src/ast/is-global-reference.ts';
import { isReference } from '../src/ast/is-reference.ts';
import { mentions } from '../src/ast/mentions.ts';
import { parseExpression, parseStatement } from '../src/ast/parse-snippet.ts';
import { getCatalogMatcher } from '../src/catalog/get-catalog-matcher.ts';
import { insertSignal, type InsertSignalResult } from '../src/catalog/insert-signal.ts';
import { getProperty } from '../src/catalog/signal-argument.ts';
import { CallMatcher } from '../src/catalog/match.ts';
import type { SignalSlot } from '../src/catalog/types.ts';
import { createJscodeshiftTransform } from '../src/engine/adapter.ts';
import { getIndentUnit } from '../src/engine/print-options.ts';
import { getSignalInScope, getSignalParameter } from '../src/scope/get-signal-in-scope.ts';
import type { TransformContext, TransformMeta } from '../src/types.ts';

type Node = any;

const BUILTINS = new Set(builtinModules);

export const meta: TransformMeta = {
  name: 'race-timeout',
  description:
    'Replace `Promise.race` timeouts with `AbortSignal.timeout` passed to the operation; clear the timer of races that cannot be cancelled',
  mayApply: (source) => source.includes('.race(') && (source.includes('setTimeout') || source.includes('.then(')),
  rule: 'race-without-cancel',
};

const RULES = { race: 'race-without-cancel', timer: 'uncleared-timer' } as const;

const MESSAGES = {
  signal: (callee: string) => `${callee}() now gets a timeout signal instead of racing a timer; the timeout still rejects with the original error`,
  signalTimeoutError: (callee: string) =>
    `${callee}() now gets a timeout signal instead of racing a timer; on timeout it rejects with ${callee}()'s abort error, no longer the original error`,
  cleared: 'the timeout timer is now cleared when the race settles',
  notCancellable: 'the operation cannot take a signal and keeps running after the timeout',
  notForwarded: (callee: string) =>
    `${callee}() takes a signal but does not pass it on, so only the race bounds it: the race stays, and the operation keeps running after the timeout`,
  unsupported: (reason: string) => `cannot pass a timeout signal: ${reason}`,
  delayNotInteger: (ms: string) =>
    `cannot tell that the delay \`${ms}\` is a whole number of milliseconds: AbortSignal.timeout throws a RangeError on fractions and negatives where setTimeout does not; pass a timeout signal by hand`,
  notInserted: (callee: string, reason: string) => `${callee}(): ${reason}; pass a timeout signal by hand`,
  notStatement: 'the race is not a statement of its own, so the original error cannot be kept here; rerun with keepError: false or rewrite by hand',
  errorNotMovable:
    "the timeout error cannot be moved next to the operation (it reads the timer's parameters, or names that mean something else here); rerun with keepError: false or rewrite by hand",
  timerNotStatement: 'the timeout timer is never cleared, and the race is not a statement of its own: clear the timer by hand',
  helperTimer: (name: string) => `the timer of ${name}() is never cleared and keeps running after the race; clear it, or pass a signal to the operation`,
  abortWhenSettled: (callee: string) =>
    `${callee}() now gets a signal aborted when the race settles, so it stops after the timeout; the race stays, as ${callee}() does not end a running attempt on abort`,
  attemptKeepsRunning: (callee: string, reason: string) =>
    `${callee}() does not end a running attempt on abort, so the race must stay; cannot also pass it a signal aborted when the race settles: ${reason}`,
  raceComments: 'the race holds comments that replacing it by the operation would move or drop: the timer is cleared instead, pass a timeout signal by hand',
  helperRemoved: (name: string) => `removes the timeout helper \`${name}\`, which nothing uses any more`,
  importRemoved: (names: string, source: string) => `removes the import of \`${names}\` from '${source}', which only the removed helper used`,
} as const;

/** The timeout side of a race: a promise that rejects with `error` after `ms`. */
interface TimeoutPromise {
  readonly node: Node;
  readonly ms: Node;
  /** The rejection value, ready to be evaluated at the race's site; undefined if it cannot be. */
  readonly error: Node | undefined;
  /** `inline`: `new Promise` with the `setTimeout` call right here (its timer can be kept). */
  readonly timer: { readonly kind: 'inline'; readonly call: Node } | { readonly kind: 'helper'; readonly name: string; readonly functionPath: ASTPath };
}

/**
 * Catalogued modules whose signal is only checked between attempts (p-retry from 6.0 awaits the
 * running attempt before it looks at the signal): a timeout signal alone no longer bounds a
 * hanging attempt, so the race stays and the signal only stops what follows it.
 */
const BETWEEN_ATTEMPTS_MODULES = new Set(['p-retry']);

/** Where a signal can go in the operation's call. */
type SignalTarget =
  | { readonly kind: 'slot'; readonly slot: SignalSlot; readonly callee: string; readonly betweenAttempts?: boolean }
  | { readonly kind: 'positional'; readonly index: number; readonly callee: string }
  /** A local function that takes a signal and does nothing with it but check it, or nothing at all. */
  | { readonly kind: 'not-forwarded'; readonly callee: string };

/** A target the signal can actually be given to. */
type PassTarget = Exclude<SignalTarget, { readonly kind: 'not-forwarded' }>;

/**
 * A timeout race: `Promise.race([op, timeout])`, or a call of a helper of this file that races
 * its argument against a timer (`withTimeout(op, ms)`).
 */
interface RaceSite {
  readonly path: ASTPath;
  readonly opPath: ASTPath;
  readonly timeout: TimeoutPromise;
  readonly viaHelper: boolean;
}

export function transform(ctx: TransformContext): void {
  const matcher = getCatalogMatcher(ctx);
  // All sites first: rewriting a helper's own race would hide it from the calls of the helper.
  const sites: RaceSite[] = [];
  ctx.index.find(ctx.j.CallExpression).forEach((path) => {
    const site = getRaceSite(ctx, path) ?? getHelperRaceSite(ctx, path);
    if (site) sites.push(site);
  });
  // Calls of `withTimeout` helpers first: a helper they leave unused goes, with its own race.
  const helpers = new Set<ASTPath>();
  const removed = new Set<Node>();
  const removeUnusedHelpers = () => {
    for (const functionPath of helpers) if (removeIfUnused(ctx, functionPath)) removed.add(functionPath.node);
    helpers.clear();
  };
  for (const site of [...sites.filter((s) => s.viaHelper), ...sites.filter((s) => !s.viaHelper)]) {
    if (!site.viaHelper && helpers.size > 0) removeUnusedHelpers();
    if (isWithin(site.path, removed)) continue;
    const target = getSignalTarget(ctx, matcher, site.opPath);
    if (target?.kind === 'slot' && target.betweenAttempts && !site.viaHelper) {
      abortWhenSettled(ctx, site, target);
      continue;
    }
    if (target?.kind === 'not-forwarded') {
      // The race inside a `withTimeout` helper is a site of its own, reported there.
      if (site.viaHelper) continue;
      ctx.manual(site.path, MESSAGES.notForwarded(target.callee), RULES.race);
      clearTimer(ctx, site.path, site.timeout);
      continue;
    }
    const result = target && !(target.kind === 'slot' && target.betweenAttempts) ? passTimeoutSignal(ctx, site.path, site.opPath, target, site.timeout) : { kind: 'not-cancellable' as const };
    if (result.kind === 'done') {
      if (site.timeout.timer.kind === 'helper') helpers.add(site.timeout.timer.functionPath);
      continue;
    }
    if (result.kind === 'manual') ctx.manual(site.path, result.message, RULES.race);
    // The race inside a `withTimeout` helper is a site of its own, reported there.
    if (site.viaHelper) continue;
    if (result.kind === 'not-cancellable') ctx.manual(site.path, MESSAGES.notCancellable, RULES.race);
    clearTimer(ctx, site.path, site.timeout);
  }
  removeUnusedHelpers();
}

export default createJscodeshiftTransform({ meta, transform });

function isWithin(path: ASTPath, nodes: ReadonlySet<Node>): boolean {
  for (let current: ASTPath | null = path; current; current = current.parentPath) if (nodes.has(current.node)) return true;
  return false;
}

function getRaceSite(ctx: TransformContext, path: ASTPath): RaceSite | undefined {
  const elements = getRaceElements(path);
  if (!elements) return undefined;
  for (const [index, element] of elements.entries()) {
    const timeout = getTimeoutPromise(ctx, path, element);
    if (timeout) return { path, opPath: (path as Node).get('arguments', 0, 'elements', 1 - index), timeout, viaHelper: false };
  }
  return undefined;
}

/**
 * `withTimeout(op, ms)` where `function withTimeout(p, ms) { return Promise.race([p, new
 * Promise((_, reject) => setTimeout(() => reject(err), ms))]); }` is in the file: the timeout's
 * delay and error are the helper's, with its parameters replaced by the call's arguments.
 */
function getHelperRaceSite(ctx: TransformContext, path: ASTPath): RaceSite | undefined {
  const call = path.node as Node;
  if (call.callee.type !== 'Identifier') return undefined;
  const functionPath = getLocalFunction(path, call.callee.name);
  const fn = functionPath?.node as Node;
  if (!functionPath || !fn.params.every((param: Node) => param.type === 'Identifier')) return undefined;
  const returned = getReturnedExpression(fn.body);
  if (returned?.type !== 'CallExpression') return undefined;
  const elements = getRaceElements({ node: returned, scope: (functionPath as Node).scope } as Node);
  if (!elements) return undefined;
  const opIndex = elements.findIndex((element) => element.type === 'Identifier');
  const paramIndex = fn.params.findIndex((param: Node) => param.name === elements[opIndex]?.name);
  const inline = opIndex < 0 ? undefined : getInlineTimeout(functionPath, elements[1 - opIndex]);
  const args = call.arguments as Node[];
  if (!inline || paramIndex < 0 || args.length !== fn.params.length) return undefined;
  if (!args.every((arg, index) => index === paramIndex || isSimpleValue(arg))) return undefined;
  const opName = fn.params[paramIndex].name as string;
  if (mentions(inline.ms, opName) || mentions(inline.error, opName)) return undefined;
  const substitute = (node: Node) => substituteParams(ctx, node, fn.params, args);
  const ms = substitute(inline.ms);
  if (!ms) return undefined;
  const timeout: TimeoutPromise = {
    node: call,
    ms,
    error: inline.error && readsSameBindings(inline.error, functionPath, path, fn.params) ? substitute(inline.error) : undefined,
    timer: { kind: 'helper', name: call.callee.name, functionPath },
  };
  return { path, opPath: (path as Node).get('arguments', paramIndex), timeout, viaHelper: true };
}


/** `[op, timeout]` of `Promise.race([op, timeout])` (global Promise, two plain elements). */
function getRaceElements(path: ASTPath): [Node, Node] | undefined {
  const node = path.node as Node;
  const callee = node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.object.type !== 'Identifier' || callee.object.name !== 'Promise') return undefined;
  if (callee.property.name !== 'race' || node.arguments.length !== 1 || !isGlobalReference(path, 'Promise')) return undefined;
  const array = node.arguments[0];
  if (array.type !== 'ArrayExpression' || array.elements.length !== 2) return undefined;
  if (array.elements.some((element: Node) => !element || element.type === 'SpreadElement')) return undefined;
  return array.elements as [Node, Node];
}

/**
 * `new Promise((_, reject) => setTimeout(() => reject(err), ms))`, a call of a helper of this file
 * that returns just that (`timeout(ms)`), or `delay(ms).then(() => { throw err; })`.
 */
function getTimeoutPromise(ctx: TransformContext, site: ASTPath, node: Node): TimeoutPromise | undefined {
  const inline = getInlineTimeout(site, node);
  if (inline) return { node, ms: inline.ms, error: inline.error, timer: { kind: 'inline', call: inline.call } };
  if (node.type !== 'CallExpression') return undefined;
  if (node.callee.type === 'Identifier') return getHelperTimeout(ctx, site, node);
  return getDelayThenTimeout(site, node);
}

/** The parts of an inline timeout promise; `error` is undefined when it reads the executor's parameters. */
function getInlineTimeout(site: ASTPath, node: Node): { ms: Node; error: Node | undefined; call: Node } | undefined {
  if (node.type !== 'NewExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'Promise' || node.arguments.length !== 1) return undefined;
  const executor = node.arguments[0];
  if (!isFunctionLiteral(executor) || executor.async || executor.params.length !== 2) return undefined;
  const reject = executor.params[1];
  if (reject.type !== 'Identifier' || executor.params[0].type !== 'Identifier') return undefined;
  const call = getOnlyExpression(executor.body);
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'setTimeout' || call.arguments.length !== 2) return undefined;
  if (!isGlobalReference(site, 'setTimeout') || !isGlobalReference(site, 'Promise')) return undefined;
  const [callback, ms] = call.arguments;
  if (!isFunctionLiteral(callback) || callback.params.length !== 0) return undefined;
  const rejection = getOnlyExpression(callback.body);
  if (rejection?.type !== 'CallExpression' || rejection.callee.type !== 'Identifier' || rejection.callee.name !== reject.name) return undefined;
  if (rejection.arguments.length !== 1 || rejection.arguments[0].type === 'SpreadElement') return undefined;
  const names = executor.params.map((param: Node) => param.name as string);
  if (names.some((name: string) => mentions(ms, name))) return undefined;
  const error = rejection.arguments[0];
  return { ms, error: names.some((name: string) => mentions(error, name)) ? undefined : error, call };
}

/** `timeout(ms)` where `function timeout(ms) { return new Promise((_, reject) => ...) }` is in the file. */
function getHelperTimeout(ctx: TransformContext, site: ASTPath, call: Node): TimeoutPromise | undefined {
  const functionPath = getLocalFunction(site, call.callee.name);
  const fn = functionPath?.node as Node;
  if (!functionPath || !fn.params.every((param: Node) => param.type === 'Identifier')) return undefined;
  const body = getReturnedExpression(fn.body);
  const inline = body && getInlineTimeout(functionPath, body);
  if (!inline) return undefined;
  const args = call.arguments as Node[];
  if (args.length !== fn.params.length || !args.every(isSimpleValue)) return undefined;
  const substitute = (node: Node) => substituteParams(ctx, node, fn.params, args);
  const ms = substitute(inline.ms);
  if (!ms) return undefined;
  return {
    node: call,
    ms,
    error: inline.error && readsSameBindings(inline.error, functionPath, site, fn.params) ? substitute(inline.error) : undefined,
    timer: { kind: 'helper', name: call.callee.name, functionPath },
  };
}

/** `delay(ms).then(() => { throw err; })` or `.then(() => Promise.reject(err))`, `delay` a function of this file. */
function getDelayThenTimeout(site: ASTPath, call: Node): TimeoutPromise | undefined {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.name !== 'then' || call.arguments.length !== 1) return undefined;
  const delay = callee.object;
  if (delay.type !== 'CallExpression' || delay.callee.type !== 'Identifier' || delay.arguments.length < 1) return undefined;
  const functionPath = getLocalFunction(site, delay.callee.name);
  if (!functionPath) return undefined;
  const handler = call.arguments[0];
  if (!isFunctionLiteral(handler) || handler.params.length !== 0) return undefined;
  const error = getThrownValue(site, handler.body);
  if (!error) return undefined;
  return { node: call, ms: delay.arguments[0], error, timer: { kind: 'helper', name: delay.callee.name, functionPath } };
}

/** `{ throw err; }` or `Promise.reject(err)` as the whole body. */
function getThrownValue(site: ASTPath, body: Node): Node | undefined {
  if (body.type === 'BlockStatement' && body.body.length === 1 && body.body[0].type === 'ThrowStatement') return body.body[0].argument;
  const call = getOnlyExpression(body);
  const callee = call?.callee;
  const isReject =
    call?.type === 'CallExpression' &&
    callee.type === 'MemberExpression' &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'Promise' &&
    callee.property.name === 'reject' &&
    call.arguments.length === 1 &&
    isGlobalReference(site, 'Promise');
  return isReject ? call.arguments[0] : undefined;
}

/**
 * How the operation takes a signal: a catalogued API, or a function of this file with a signal
 * parameter (`load(id, signal)`, `load(id, { signal })`). Undefined when it cannot be cancelled.
 */
function getSignalTarget(ctx: TransformContext, matcher: CallMatcher, opPath: ASTPath): SignalTarget | undefined {
  const op = opPath.node as Node;
  if (op.type !== 'CallExpression') return undefined;
  const callee = getNodeText(op.callee) ?? 'the operation';
  const match = matcher.getMatch(opPath);
  if (match) return { kind: 'slot', slot: match.entry.signal, callee: match.callee, betweenAttempts: BETWEEN_ATTEMPTS_MODULES.has(match.entry.module) };
  if (op.callee.type !== 'Identifier') return undefined;
  const functionPath = getLocalFunction(opPath, op.callee.name);
  if (!functionPath) return undefined;
  const parameter = getSignalParameter(ctx.j, ctx.root, functionPath);
  // Without the race only the signal bounds the call: a function that takes one but never passes
  // it on (a type that merely allows it, a check before the work starts) would run unbounded.
  if (!parameter) return undefined;
  if (!forwardsSignal(ctx, functionPath, parameter.index)) return { kind: 'not-forwarded', callee };
  if (parameter.kind === 'positional') return { kind: 'positional', index: parameter.index, callee };
  const slot: SignalSlot = { position: { kind: 'index', index: parameter.index }, property: 'signal', fillUndefined: true };
  return { kind: 'slot', slot, callee };
}

/**
 * True when the local function passes the signal its parameter `index` brings to a call: as an
 * argument (`fetch(url, options)`, `AbortSignal.any([signal, other])`) or in an object literal
 * (`{ signal }`, `{ signal: options.signal }`). `signal.throwIfAborted()` alone does not count.
 */
function forwardsSignal(ctx: TransformContext, functionPath: ASTPath, index: number): boolean {
  const fn = functionPath.node as Node;
  const param = fn.params[index];
  const target = param?.type === 'AssignmentPattern' ? param.left : param;
  const names: string[] = [];
  if (target?.type === 'Identifier') names.push(target.name);
  if (target?.type === 'ObjectPattern') {
    for (const property of target.properties) {
      if ((property.type !== 'ObjectProperty' && property.type !== 'Property') || property.computed) continue;
      const value = property.value?.type === 'AssignmentPattern' ? property.value.left : property.value;
      if (value?.type === 'Identifier' && property.key.type === 'Identifier' && /signal$/i.test(property.key.name)) names.push(value.name);
    }
  }
  const body = (functionPath as Node).get('body') as ASTPath;
  return names.some((name) =>
    getBindingReferences(ctx.j, ctx.root, body, name).some((reference) => {
      // `options` or `options.signal`: the value that travels.
      const parent = reference.parentPath?.node as Node;
      if ((parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.object === reference.node) {
        return !parent.computed && parent.property.name === 'signal' && isPassedOn(reference.parentPath as ASTPath);
      }
      return isPassedOn(reference);
    }),
  );
}

/** The value at `path` is an argument of a call, an element of an array, or a property value. */
function isPassedOn(path: ASTPath): boolean {
  let current = path;
  // `signal ?? undefined`, `signal!`, `signal as AbortSignal` still pass the same signal.
  while (['LogicalExpression', 'TSNonNullExpression', 'TSAsExpression', 'ConditionalExpression'].includes((current.parentPath?.node as Node)?.type)) {
    current = current.parentPath as ASTPath;
  }
  const container = current.parentPath?.value;
  const owner = (Array.isArray(container) ? current.parentPath?.parentPath?.node : current.parentPath?.node) as Node;
  if (!owner) return false;
  if (['CallExpression', 'OptionalCallExpression', 'NewExpression'].includes(owner.type)) return Array.isArray(container) && owner.arguments === container;
  if (owner.type === 'ArrayExpression') return true;
  return (owner.type === 'ObjectProperty' || owner.type === 'Property') && owner.value === current.node;
}

type PassResult = { readonly kind: 'done' } | { readonly kind: 'manual'; readonly message: string } | { readonly kind: 'not-cancellable' };

/**
 * Gives the operation a timeout signal and replaces the race by the operation. By default
 * (`keepError` not false) the original error is kept: the timeout signal goes in a variable, and
 * a `.catch` rethrows the original error when that signal fired:
 *
 *   const timeoutSignal = AbortSignal.timeout(ms);
 *   await op({ signal: timeoutSignal }).catch((error) => { throw timeoutSignal.aborted ? err : error; });
 */
function passTimeoutSignal(ctx: TransformContext, racePath: ASTPath, opPath: ASTPath, target: PassTarget, timeout: TimeoutPromise): PassResult {
  const op = opPath.node as Node;
  if (hasRaceComments(racePath.node, op)) return { kind: 'manual', message: MESSAGES.raceComments };
  const msText = getNodeText(timeout.ms);
  if (msText === undefined) return { kind: 'not-cancellable' };
  if (!isWholeMilliseconds(racePath, timeout.ms)) return { kind: 'manual', message: MESSAGES.delayNotInteger(msText) };
  const inScope = getSignalInScope(ctx.j, ctx.root, racePath);
  const keepError = ctx.options.keepError !== false;

  if (!keepError) {
    const signal = buildTimeoutSignalText(racePath, ctx.options, msText, inScope);
    if (signal.kind === 'unsupported') return { kind: 'manual', message: MESSAGES.unsupported(signal.reason) };
    const inserted = insertInto(ctx, opPath, target, signal.text, inScope?.expression);
    if (inserted.kind !== 'inserted') return { kind: 'manual', message: notInserted(target, inserted) };
    ctx.edit(racePath, MESSAGES.signalTimeoutError(target.callee), RULES.race);
    racePath.replace(op);
    return { kind: 'done' };
  }

  const statementPath = getStatementPath(racePath);
  if (!statementPath) return { kind: 'manual', message: MESSAGES.notStatement };
  if (!timeout.error) return { kind: 'manual', message: MESSAGES.errorNotMovable };
  const name = getUnusedName(racePath, 'timeoutSignal');
  const timeoutText = buildTimeoutSignalText(racePath, ctx.options, msText);
  if (timeoutText.kind === 'unsupported') return { kind: 'manual', message: MESSAGES.unsupported(timeoutText.reason) };
  const signal: TimeoutSignalText = inScope ? buildAnySignalText(ctx.options, inScope, name) : { kind: 'ok', text: name };
  if (signal.kind === 'unsupported') return { kind: 'manual', message: MESSAGES.unsupported(signal.reason) };
  const inserted = insertInto(ctx, opPath, target, signal.text, inScope?.expression);
  if (inserted.kind !== 'inserted') return { kind: 'manual', message: notInserted(target, inserted) };

  ctx.edit(racePath, MESSAGES.signal(target.callee), RULES.race);
  // The catch parameter must not hide a name the original error reads (`reject(error)`).
  const param = ['error', 'reason', 'cause'].find((candidate) => !mentions(timeout.error, candidate)) ?? `${name}Error`;
  const indent = getIndentUnit(ctx.source, ctx.options.style);
  const replacement = parseExpression(ctx.j, `_.catch(${buildArrowParam(ctx, param)} => {\n${indent}throw ${name}.aborted ? _ : ${param};\n})`);
  replacement.callee.object = op;
  replacement.arguments[0].body.body[0].argument.consequent = timeout.error;
  racePath.replace(replacement);
  statementPath.insertBefore(parseStatement(ctx.j, `const ${name} = ${timeoutText.text};`));
  markDeclared(racePath, name);
  return { kind: 'done' };
}

/**
 * `AbortSignal.timeout` takes only an integer from 0 to 2^32-1 (it throws a RangeError on `1.5`,
 * `-1` or `NaN`, a TypeError on `'100'`), where `setTimeout` takes anything and rounds it. So the
 * delay must be an integer literal, or a name bound by `const` to one.
 */
function isWholeMilliseconds(site: ASTPath, ms: Node): boolean {
  if (ms.type === 'NumericLiteral' || (ms.type === 'Literal' && typeof ms.value === 'number')) {
    return Number.isInteger(ms.value) && ms.value >= 0 && ms.value <= 0xffffffff;
  }
  if (ms.type !== 'Identifier') return false;
  const scope = (site as Node).scope?.lookup(ms.name);
  const bindings: ASTPath[] = scope?.getBindings()[ms.name] ?? [];
  const declarator = bindings.length === 1 ? (bindings[0]?.parentPath?.node as Node) : undefined;
  const declaration = bindings[0]?.parentPath?.parentPath?.parentPath?.node as Node;
  return declarator?.type === 'VariableDeclarator' && declaration?.kind === 'const' && declarator.init != null && isWholeMilliseconds(site, declarator.init);
}

function notInserted(target: PassTarget, result: InsertSignalResult): string {
  const reason = result.kind === 'unsure' ? result.reason : 'it already passes a signal';
  return MESSAGES.notInserted(target.callee, reason);
}

/** Puts the signal text into the operation's call (a positional parameter, or the options). */
function insertInto(ctx: TransformContext, opPath: ASTPath, target: PassTarget, signal: string, inScope: string | undefined): InsertSignalResult {
  const args = (opPath.node as Node).arguments as Node[];
  if (target.kind === 'slot') {
    const result = insertSignal(ctx, opPath, target.slot, { expression: signal }, false);
    if (result.kind !== 'passed' || inScope === undefined) return result;
    return replaceSignalInScope(ctx, args, target.slot.property.split('.'), signal, inScope) ? { kind: 'inserted' } : result;
  }
  if (args.length > target.index) {
    if (inScope === undefined || getNodeText(args[target.index]) !== inScope) return { kind: 'passed' };
    args[target.index] = parseExpression(ctx.j, signal);
    return { kind: 'inserted' };
  }
  if (args.some((arg) => arg.type === 'SpreadElement')) return { kind: 'unsure', reason: 'a spread argument hides where the signal goes' };
  while (args.length < target.index) args.push(ctx.j.identifier('undefined'));
  args.push(parseExpression(ctx.j, signal));
  return { kind: 'inserted' };
}

/**
 * The operation already passes the signal in scope (`fetch(url, { signal })`, as forward-signal
 * leaves it): that signal becomes the combined one, which aborts on the same signal and on the
 * timeout, so nothing the code passed is dropped. Any other signal is left for a human.
 */
function replaceSignalInScope(ctx: TransformContext, args: readonly Node[], keys: readonly string[], signal: string, inScope: string): boolean {
  for (const arg of args) {
    let object: Node = arg;
    let property: Node;
    for (const key of keys) {
      property = object?.type === 'ObjectExpression' ? getProperty(object, key) : undefined;
      object = property?.value;
    }
    if (!property || getNodeText(property.value) !== inScope) continue;
    property.shorthand = false;
    property.value = parseExpression(ctx.j, signal);
    return true;
  }
  return false;
}

/**
 * Comments on the race's own parts (`// the request` above the operation in the array): replacing
 * the race by the operation would drop them or move them in front of the operation wherever it
 * lands (`await // the request`), and recast reprints the statement around them.
 */
function hasRaceComments(race: Node, op: Node): boolean {
  const array = race.arguments?.[0];
  const parts = [race, array, ...(array?.type === 'ArrayExpression' ? array.elements : [op])];
  return parts.some((part: Node) => part?.comments?.length > 0);
}

/**
 * A race that must keep racing (the operation cannot be cancelled, or the target Node lacks
 * `AbortSignal.timeout`): its inline timer is kept in a variable and cleared when the race
 * settles, so that a process does not stay alive and the rejection does not fire for nothing.
 *
 *   let timer;
 *   await Promise.race([op, new Promise((_, reject) => { timer = setTimeout(...) })]).finally(() => clearTimeout(timer));
 */
function clearTimer(ctx: TransformContext, racePath: ASTPath, timeout: TimeoutPromise, settled?: { readonly abort: string }): void {
  if (timeout.timer.kind === 'helper') return ctx.manual(racePath, MESSAGES.helperTimer(timeout.timer.name), RULES.timer);
  const statementPath = getStatementPath(racePath);
  if (!statementPath || !isGlobalReference(racePath, 'clearTimeout')) return ctx.manual(racePath, MESSAGES.timerNotStatement, RULES.timer);
  const name = getUnusedName(racePath, 'timer');
  const call = timeout.timer.call;
  const executor = timeout.node.arguments[0];
  const assignment = ctx.j.assignmentExpression('=', ctx.j.identifier(name), call);
  // A block, not `=> (timer = setTimeout(...))`: an executor returns nothing.
  if (executor.body === call) executor.body = ctx.j.blockStatement([ctx.j.expressionStatement(assignment)]);
  else executor.body.body[0].expression = assignment;

  ctx.edit(racePath, MESSAGES.cleared, RULES.timer);
  const indent = getIndentUnit(ctx.source, ctx.options.style);
  const onSettled = settled ? `{\n${indent}clearTimeout(${name});\n${indent}${settled.abort}.abort();\n}` : `clearTimeout(${name})`;
  const replacement = parseExpression(ctx.j, `_.finally(() => ${onSettled})`);
  replacement.callee.object = racePath.node;
  racePath.replace(replacement);
  const declaration = ctx.typescript ? `let ${name}: ReturnType<typeof setTimeout> | undefined;` : `let ${name};`;
  statementPath.insertBefore(parseStatement(ctx.j, declaration));
  markDeclared(racePath, name);
}

/**
 * A race whose operation checks its signal only between attempts (p-retry): the race stays, so
 * that a hanging attempt still times out with the original error, and the operation gets the
 * signal of a controller aborted once the race has settled, so that it stops retrying after the
 * timeout instead of running on unseen. The race rejects before the abort, so callers see the
 * same error as before.
 *
 *   const retryController = new AbortController();
 *   let timer;
 *   await Promise.race([pRetry(run, { signal: retryController.signal }), new Promise(...)])
 *     .finally(() => { clearTimeout(timer); retryController.abort(); });
 */
function abortWhenSettled(ctx: TransformContext, site: RaceSite, target: SignalTarget & { kind: 'slot' }): void {
  const racePath = site.path;
  const statementPath = getStatementPath(racePath);
  const unsupported = (reason: string) => {
    ctx.manual(racePath, MESSAGES.attemptKeepsRunning(target.callee, reason), RULES.race);
    clearTimer(ctx, racePath, site.timeout);
  };
  if (site.timeout.timer.kind !== 'inline' || !statementPath) return unsupported('the timer is not inline in a race that is a statement of its own');
  if (!isGlobalReference(racePath, 'AbortController') || !isGlobalReference(racePath, 'clearTimeout')) return unsupported('AbortController or clearTimeout is not the global here');
  if (getSignalInScope(ctx.j, ctx.root, racePath)) return unsupported('a signal is in scope, which the operation should get too: combine them by hand');
  const name = getUnusedName(racePath, 'retryController');
  const inserted = insertSignal(ctx, site.opPath, target.slot, { expression: `${name}.signal` }, false);
  if (inserted.kind !== 'inserted') return unsupported(inserted.kind === 'unsure' ? inserted.reason : 'it already passes a signal');
  ctx.edit(racePath, MESSAGES.abortWhenSettled(target.callee), RULES.race);
  statementPath.insertBefore(parseStatement(ctx.j, `const ${name} = new AbortController();`));
  markDeclared(racePath, name);
  clearTimer(ctx, racePath, site.timeout, { abort: name });
}

/**
 * The statement the race is the whole value of, when it sits in a block: `await race;`,
 * `const x = await race;`, `return race;`. New declarations go right before it, so that nothing
 * else runs between them and the race.
 */
function getStatementPath(racePath: ASTPath): ASTPath | undefined {
  let path = racePath;
  while (['AwaitExpression', 'ParenthesizedExpression'].includes(path.parentPath?.node?.type)) path = path.parentPath;
  const parent = path.parentPath?.node as Node;
  let statement: ASTPath | undefined;
  if (parent?.type === 'ExpressionStatement' || parent?.type === 'ReturnStatement') statement = path.parentPath;
  else if (parent?.type === 'VariableDeclarator' && parent.init === path.node) {
    const declaration = path.parentPath.parentPath?.parentPath as ASTPath | undefined;
    if ((declaration?.node as Node)?.type === 'VariableDeclaration' && (declaration?.node as Node).declarations.length === 1) statement = declaration;
  }
  const container = statement?.parentPath?.value as Node;
  return Array.isArray(container) ? statement : undefined;
}

/**
 * Names this run declared, per scope: ast-types scopes do not learn of inserted declarations,
 * and two races in one function need two names.
 */
const declaredNames = new WeakMap<object, Set<string>>();

/** `base`, or `base2`, `base3`, ... when the name is taken at `site`. */
function getUnusedName(site: ASTPath, base: string): string {
  const scope = (site as Node).scope;
  const declared = declaredNames.get(scope?.node ?? site.node);
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}${i}`;
    if (!scope?.lookup(name) && !declared?.has(name)) return name;
  }
}

/** Marks `name` as declared in the scope of `site`, once the declaration is inserted. */
function markDeclared(site: ASTPath, name: string): void {
  const key = ((site as Node).scope?.node ?? site.node) as object;
  declaredNames.set(key, (declaredNames.get(key) ?? new Set<string>()).add(name));
}

/** The function a name at `site` is bound to: `function name() {}` or `const name = () => ...`. */
function getLocalFunction(site: ASTPath, name: string): ASTPath | undefined {
  const scope = (site as Node).scope?.lookup(name);
  const bindings: ASTPath[] = scope?.getBindings()[name] ?? [];
  if (bindings.length !== 1) return undefined;
  const declared = bindings[0] as ASTPath;
  const parent = declared.parentPath?.node as Node;
  if (parent?.type === 'FunctionDeclaration' && parent.id === declared.node) return declared.parentPath;
  if (parent?.type === 'VariableDeclarator' && parent.id === declared.node && isFunctionLiteral(parent.init)) {
    const kind = (declared.parentPath?.parentPath?.parentPath?.node as Node)?.kind;
    return kind === 'const' ? (declared.parentPath as Node).get('init') : undefined;
  }
  return undefined;
}

/**
 * Removes a timeout helper no race uses any more, unless something else still refers to it
 * (another call, an export).
 */
function removeIfUnused(ctx: TransformContext, functionPath: ASTPath): boolean {
  const fn = functionPath.node as Node;
  const declaration = fn.type === 'FunctionDeclaration' ? functionPath : functionPath.parentPath?.parentPath?.parentPath;
  const name = fn.type === 'FunctionDeclaration' ? fn.id.name : functionPath.parentPath?.node.id.name;
  if (!declaration || !name || !Array.isArray(declaration.parentPath?.value)) return false;
  if ((declaration.node as Node).type === 'VariableDeclaration' && (declaration.node as Node).declarations.length !== 1) return false;
  if (countReferences(ctx, declaration, name) > 0 || (declaration.node as Node).comments?.length) return false;
  ctx.consequence(declaration, MESSAGES.helperRemoved(name));
  declaration.prune();
  removeUnusedBuiltinImports(ctx, fn);
  return true;
}

/** References to `name` that resolve to the binding visible at `path`. */
function countReferences(ctx: TransformContext, path: ASTPath, name: string): number {
  const scope = (path as Node).scope?.lookup(name);
  return ctx.root
    .find(ctx.j.Identifier, { name })
    .filter((reference) => isReference(reference) && (reference as Node).scope?.lookup(name) === scope)
    .size();
}

/**
 * Import specifiers of Node built-ins (no side effects to lose) that only the removed helper used:
 * `import { setTimeout as sleep } from 'node:timers/promises'` of a `delay` helper.
 */
function removeUnusedBuiltinImports(ctx: TransformContext, removed: Node): void {
  ctx.index.find(ctx.j.ImportDeclaration).forEach((importPath) => {
    const node = importPath.node as Node;
    const source = String(node.source.value);
    if (node.importKind === 'type' || !(source.startsWith('node:') || BUILTINS.has(source.split('/')[0] as string))) return;
    const specifiers = (node.specifiers ?? []) as Node[];
    const kept = specifiers.filter((specifier) => {
      const local = specifier.local?.name as string;
      return !mentions(removed, local) || countReferences(ctx, importPath, local) > 0;
    });
    if (kept.length === specifiers.length) return;
    const names = specifiers.filter((specifier) => !kept.includes(specifier)).map((specifier) => specifier.local?.name as string);
    ctx.consequence(importPath, MESSAGES.importRemoved(names.join(', '), source));
    if (kept.length === 0) importPath.prune();
    else node.specifiers = kept;
  });
}

/**
 * True when every name `node` (a helper's error) reads, apart from the helper's parameters, means
 * at `site` what it means in the helper: a local `Error` or a variable of an enclosing function
 * there would make the moved error mean something else.
 */
function readsSameBindings(node: Node, functionPath: ASTPath, site: ASTPath, params: readonly Node[]): boolean {
  const names = new Set<string>();
  const collect = (current: Node) => {
    if (!current || typeof current !== 'object') return;
    if (current.type === 'Identifier') names.add(current.name);
    for (const key of Object.keys(current)) {
      if (key === 'loc' || key === 'tokens' || key === 'comments') continue;
      const value = current[key];
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') collect(value);
    }
  };
  collect(node);
  const helperScope = (functionPath as Node).scope;
  return [...names].every(
    (name) => params.some((param) => param.name === name) || helperScope?.lookup(name) === (site as Node).scope?.lookup(name),
  );
}

/** A helper argument safe to repeat: a literal or a plain name. */
function isSimpleValue(node: Node): boolean {
  return node.type === 'Identifier' || node.type === 'NumericLiteral' || node.type === 'StringLiteral' || (node.type === 'Literal' && node.value !== null);
}

/**
 * A copy of `node` (from a helper's body) with the helper's parameters replaced by the call's
 * arguments, parsed from text so that it can be placed at the call site. Undefined without text.
 */
function substituteParams(ctx: TransformContext, node: Node, params: readonly Node[], args: readonly Node[]): Node | undefined {
  const text = getNodeText(node);
  const argTexts = args.map((arg) => getNodeText(arg));
  if (text === undefined || argTexts.some((argText) => argText === undefined)) return undefined;
  const holder = { type: 'ExpressionStatement', expression: parseExpression(ctx.j, text) };
  const references: { path: ASTPath; index: number }[] = [];
  ctx
    .j(ctx.j.program([holder as Node]))
    .find(ctx.j.Identifier)
    .filter((path) => isReference(path))
    .forEach((path) => {
      const index = params.findIndex((param) => param.name === (path.node as Node).name);
      if (index >= 0) references.push({ path, index });
    });
  // Last first: folding a literal into a template removes an element of its expressions.
  for (const { path, index } of references.reverse()) {
    if (!foldIntoTemplate(path, args[index])) path.replace(parseExpression(ctx.j, argTexts[index] as string));
  }
  return holder.expression;
}

/** `${ms}` in a template becomes the literal's text: `after ${ms} ms` reads `after 5000 ms`, not `after ${5000} ms`. */
function foldIntoTemplate(path: ASTPath, arg: Node): boolean {
  const template = path.parentPath?.parentPath?.node as Node;
  const isLiteral = arg.type === 'NumericLiteral' || arg.type === 'StringLiteral' || (arg.type === 'Literal' && typeof arg.value !== 'object');
  if (template?.type !== 'TemplateLiteral' || !isLiteral) return false;
  const index = template.expressions.indexOf(path.node);
  if (index < 0) return false;
  const raw = String(arg.value).replace(/\\|`|\$\{/g, (match) => `\\${match}`);
  const cooked = String(arg.value);
  const [before, after] = [template.quasis[index], template.quasis[index + 1]];
  before.value = { raw: before.value.raw + raw + after.value.raw, cooked: before.value.cooked + cooked + after.value.cooked };
  before.tail = after.tail;
  template.quasis.splice(index + 1, 1);
  template.expressions.splice(index, 1);
  return true;
}

function isFunctionLiteral(node: Node): boolean {
  return node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';
}

/** The expression of an arrow's expression body or of a block holding one expression statement. */
function getOnlyExpression(body: Node): Node | undefined {
  if (body.type !== 'BlockStatement') return body;
  if (body.body.length !== 1) return undefined;
  const statement = body.body[0];
  return statement.type === 'ExpressionStatement' ? statement.expression : undefined;
}

/** The value a function returns when that is all it does: `=> value` or `{ return value; }`. */
function getReturnedExpression(body: Node): Node | undefined {
  if (body.type !== 'BlockStatement') return body;
  return body.body.length === 1 && body.body[0].type === 'ReturnStatement' ? body.body[0].argument : undefined;
}
