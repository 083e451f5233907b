import type { ASTPath } from 'jscodeshift';
import { getEnclosingFunctions } from '../src/ast/get-enclosing-functions.ts';
import { getModuleKind, type ModuleKind } from '../src/ast/get-module-kind.ts';
import { getNodeImportVerdict } from '../src/ast/get-node-import-verdict.ts';
import { getOnlyExpression } from '../src/ast/get-only-expression.ts';
import { getForwardingObstacle } from '../src/ast/get-forwarding-obstacle.ts';
import { getBindingReferences } from '../src/ast/get-references.ts';
import { getSinkSignalText } from '../src/ast/get-sink-signal-text.ts';
import { isGlobalReference } from '../src/ast/is-global-reference.ts';
import { isReference } from '../src/ast/is-reference.ts';
import { mentions } from '../src/ast/mentions.ts';
import {
  addModuleMember,
  findModuleMember,
  getMemberText,
  type MemberReference,
  type ModuleMember,
} from '../src/ast/module-member.ts';
import { parseExpression } from '../src/ast/parse-snippet.ts';
import { createJscodeshiftTransform } from '../src/engine/adapter.ts';
import { getSignalInScope, type SignalInScope } from '../src/scope/get-signal-in-scope.ts';
import type { TransformContext, TransformMeta } from '../src/types.ts';

type Node = any;

export const meta: TransformMeta = {
  name: 'abortable-sleep',
  description: "Turn `new Promise(r => setTimeout(r, ms))` sleeps into node:timers/promises setTimeout with the signal in scope",
  mayApply: (source) => source.includes('setTimeout') && source.includes('Promise'),
  rule: 'sleep-without-signal',
};

const MESSAGES = {
  sleepWithSignal: (signal: string) => `sleep now uses node:timers/promises setTimeout and stops on abort of ${signal}`,
  helper: (name: string) => `${name}() now uses node:timers/promises setTimeout and takes an optional signal`,
  helperCall: (name: string, signal: string) => `passes ${signal} to ${name}()`,
  helperAsValue: (name: string) =>
    `${name} is used as a value (callback or property), so no signal parameter was added: a caller could pass something else in that position`,
  browser: 'browser-only file: node:timers/promises is not available; rerun with --runtime node to rewrite it anyway',
  universal: (why: string) =>
    `this file's package also runs outside Node (${why}): a node:timers/promises import would break those builds; rerun with --runtime node to rewrite it anyway`,
  helperExported: (name: string) =>
    `${name}() is exported and no call in this file has a signal to give it, so it gets no signal parameter; if callers in other files have one, add an optional signal parameter by hand`,
  unknownModule: 'cannot tell whether this file is an ES module or CommonJS, so no import was added',
  kept: (reason: string) => `sleep not rewritten: ${reason}`,
  keptCall: (name: string, signal: string, reason: string) => `${signal} not passed to ${name}(): ${reason}`,
  helperUnsafeParams: (name: string) => `${name}() has a rest or destructured parameter, so no signal parameter was added`,
  combined: (combinator: keyof typeof COMBINED) => COMBINED[combinator],
} as const;

/**
 * Why a sleep made by a callback whose promises go to `Promise.<combinator>` keeps waiting: with
 * the signal, every sleep rejects at the abort, and these combinators do not pass that rejection on
 * as an awaited sleep would. `Promise.all` does (it rejects with the first AbortError), so it is not here.
 */
const COMBINED = {
  race: "the callback's promises go to Promise.race: with the signal, the sleeps would reject on abort and settle the race with an AbortError, where it now waits for the first one to finish; whether the race should end on abort (or a sleep there is a timeout for other work) is for a reviewer to decide",
  allSettled:
    "the callback's promises go to Promise.allSettled, which never rejects: on abort the sleeps would settle at once as rejected results and the code after the wait would run early instead of stopping",
  any: "the callback's promises go to Promise.any, which rejects only when all of them have, with an AggregateError rather than an AbortError: code that looks for the abort error would miss it",
} as const;

const TIMERS_SET_TIMEOUT: ModuleMember = {
  modules: ['node:timers/promises', 'timers/promises'],
  member: 'setTimeout',
  aliases: ['sleep', 'setTimeoutPromise'],
};

/** A `new Promise(resolve => setTimeout(resolve, delay))` in any of its usual spellings. */
interface SleepPromise {
  readonly path: ASTPath;
  readonly delay: Node;
}

/**
 * A local function whose whole job is to sleep, to which a signal parameter can be added. Its
 * sleeps: one, or one per branch of the ternary it returns (`ms > 0 ? <sleep> : <sleep>`).
 */
interface SleepHelper {
  readonly name: string;
  readonly functionPath: ASTPath;
  readonly sleeps: readonly SleepPromise[];
  readonly paramCount: number;
}

/**
 * What the transform will do with one sleep. Only a signal to pass is a gain: a sleep without one
 * behaves the same as it did, so it is left as it is.
 */
type SleepPlan =
  | { readonly kind: 'signal'; readonly sleep: SleepPromise; readonly signal: SignalInScope }
  | { readonly kind: 'helper'; readonly helper: SleepHelper; readonly calls: readonly HelperCall[] }
  | { readonly kind: 'note'; readonly path: ASTPath; readonly message: string; readonly handled?: boolean };

/** A direct call of a sleep helper with a signal in scope to pass to it. */
interface HelperCall {
  readonly path: ASTPath;
  readonly signal: SignalInScope;
}

export function transform(ctx: TransformContext): void {
  const plans = planSleeps(ctx, getSleepPromises(ctx));
  const edits = plans.filter((plan) => plan.kind !== 'note');
  for (const plan of plans) if (plan.kind === 'note') (plan.handled ? ctx.handled : ctx.manual)(plan.path, plan.message);
  if (edits.length === 0) return;
  const blocked = getBlockedReason(ctx);
  if (blocked) {
    for (const plan of edits) ctx.manual(plan.kind === 'signal' ? plan.sleep.path : plan.helper.sleeps[0]!.path, blocked);
    return;
  }
  const moduleKind = getModuleKind(ctx.j, ctx.root, ctx.path) as ModuleKind;

  let reference: MemberReference | undefined;
  const getCallee = () => {
    reference ??=
      findModuleMember(ctx.j, ctx.root, TIMERS_SET_TIMEOUT) ??
      addModuleMember(ctx, moduleKind, TIMERS_SET_TIMEOUT);
    return getMemberText(reference);
  };

  for (const plan of edits) {
    if (plan.kind === 'helper') {
      rewriteHelper(ctx, plan.helper, plan.calls, getCallee);
      continue;
    }
    ctx.edit(plan.sleep.path, MESSAGES.sleepWithSignal(plan.signal.expression));
    plan.sleep.path.replace(buildTimersCall(ctx, getCallee(), plan.sleep.delay, getSinkSignalText(ctx.j, ctx.root, plan.signal, false)));
  }
}

/**
 * Why no `node:timers/promises` import may be added to this file, if it may not. A file that
 * already imports it gets none added, so only the module kind matters then.
 */
function getBlockedReason(ctx: TransformContext): string | undefined {
  if (findModuleMember(ctx.j, ctx.root, TIMERS_SET_TIMEOUT)) return undefined;
  const verdict = getNodeImportVerdict(ctx.j, ctx.root, ctx.options);
  if (!verdict.allowed) return verdict.reason === 'universal' ? MESSAGES.universal(verdict.why) : MESSAGES.browser;
  return getModuleKind(ctx.j, ctx.root, ctx.path) ? undefined : MESSAGES.unknownModule;
}

/** Each sleep with a signal in scope on its own; sleeps without one, per helper they make up. */
function planSleeps(ctx: TransformContext, sleeps: readonly SleepPromise[]): SleepPlan[] {
  const plans: SleepPlan[] = [];
  const helpers = new Map<Node, SleepHelper>();
  for (const sleep of sleeps) {
    const plan = planSleep(ctx, sleep);
    if (plan !== 'helper') {
      plans.push(...plan);
      continue;
    }
    const helper = getSleepHelper(sleep);
    if (!helper) continue;
    const known = helpers.get(helper.functionPath.node);
    helpers.set(helper.functionPath.node, known ? { ...known, sleeps: [...known.sleeps, ...helper.sleeps] } : helper);
  }
  for (const helper of helpers.values()) plans.push(...planHelper(ctx, helper));
  return plans;
}

/** The plan of a sleep with a signal in scope, or `helper` when it has none. */
function planSleep(ctx: TransformContext, sleep: SleepPromise): SleepPlan[] | 'helper' {
  const signal = getSignalInScope(ctx.j, ctx.root, sleep.path, { nested: true });
  if (signal) {
    const combinator = getCombinator(sleep.path);
    if (combinator) return [{ kind: 'note', path: sleep.path, message: MESSAGES.kept(MESSAGES.combined(combinator)) }];
    // The code's own abort handling (its error, a listener that ends the wait) would be bypassed.
    const obstacle = getForwardingObstacle(sleep.path, signal, []);
    if (obstacle.kind === 'no-gain') return [];
    return [obstacle.kind === 'obstacle' ? { kind: 'note', path: sleep.path, message: MESSAGES.kept(obstacle.reason), handled: obstacle.handled } : { kind: 'signal', sleep, signal }];
  }
  return 'helper';
}

/**
 * A helper gets a `signal` parameter only when a call in this file has a signal to give it;
 * otherwise nobody would pass one (callers in other files are not known here).
 */
function planHelper(ctx: TransformContext, helper: SleepHelper): SleepPlan[] {
  const uses = getHelperUses(ctx, helper);
  const kept: SleepPlan[] = [];
  const calls = uses.calls.flatMap((path): HelperCall[] => {
    const args = (path.node as Node).arguments as Node[];
    if (args.length > helper.paramCount || args.some((arg) => arg.type === 'SpreadElement')) return [];
    const signal = getSignalInScope(ctx.j, ctx.root, path, { nested: true });
    if (!signal) return [];
    const combinator = getCombinator(path);
    if (combinator) {
      kept.push({ kind: 'note', path, message: MESSAGES.keptCall(helper.name, signal.expression, MESSAGES.combined(combinator)) });
      return [];
    }
    const obstacle = getForwardingObstacle(path, signal, []);
    if (obstacle.kind === 'no-gain') return [];
    if (obstacle.kind === 'obstacle') {
      kept.push({ kind: 'note', path, message: MESSAGES.keptCall(helper.name, signal.expression, obstacle.reason), handled: obstacle.handled });
      return [];
    }
    return [{ path, signal }];
  });
  return [...kept, ...planHelperEdit(ctx, helper, uses, calls)];
}

function planHelperEdit(ctx: TransformContext, helper: SleepHelper, uses: ReturnType<typeof getHelperUses>, calls: readonly HelperCall[]): SleepPlan[] {
  if (calls.length === 0) {
    return uses.exported ? [{ kind: 'note', path: helper.functionPath, message: MESSAGES.helperExported(helper.name) }] : [];
  }
  const fn = helper.functionPath.node as Node;
  const plainParams = fn.params.every((param: Node) =>
    param.type === 'Identifier' || (param.type === 'AssignmentPattern' && param.left.type === 'Identifier'),
  );
  if (uses.values.length > 0) return [{ kind: 'note', path: helper.functionPath, message: MESSAGES.helperAsValue(helper.name) }];
  if (!plainParams) return [{ kind: 'note', path: helper.functionPath, message: MESSAGES.helperUnsafeParams(helper.name) }];
  if (helper.sleeps.some((sleep) => mentions(sleep.delay, 'signal'))) return [];
  return [{ kind: 'helper', helper, calls }];
}

export default createJscodeshiftTransform({ meta, transform });

/**
 * `race`, `allSettled` or `any` when the function around `site` is the callback of a `.map` /
 * `.flatMap` (or `Array.from(items, callback)`) whose result is what `Promise.<combinator>` waits
 * on: `Promise.race(items.map(() => new Promise((r) => setTimeout(r, ms))))`.
 */
function getCombinator(site: ASTPath): keyof typeof COMBINED | undefined {
  const [callback] = getEnclosingFunctions(site);
  if (!callback) return undefined;
  const mapPath = getCallAround(callback);
  const map = mapPath?.node as Node;
  if (!map) return undefined;
  const position = map.arguments.indexOf(skipParentheses(callback).node);
  const callee = map.callee;
  const method = callee.type === 'MemberExpression' && !callee.computed ? (callee.property.name as string) : undefined;
  const isArrayFrom = method === 'from' && callee.object.type === 'Identifier' && callee.object.name === 'Array';
  if (!((position === 0 && (method === 'map' || method === 'flatMap')) || (position === 1 && isArrayFrom))) return undefined;
  const combinatorPath = getCallAround(mapPath!);
  const combinator = (combinatorPath?.node as Node)?.callee;
  if (combinatorPath?.node.arguments[0] !== skipParentheses(mapPath!).node) return undefined;
  if (combinator.type !== 'MemberExpression' || combinator.computed || combinator.object.type !== 'Identifier' || combinator.object.name !== 'Promise') return undefined;
  if (!isGlobalReference(combinatorPath, 'Promise')) return undefined;
  const name = combinator.property.name as string;
  return Object.hasOwn(COMBINED, name) ? (name as keyof typeof COMBINED) : undefined;
}

/** The call that takes the expression at `path` (out of parentheses) as an argument. */
function getCallAround(path: ASTPath): (ASTPath & { node: Node }) | undefined {
  const argument = skipParentheses(path);
  // `.parent` skips the `arguments` list path that `.parentPath` stops at.
  const call = (argument as Node).parent as ASTPath | undefined;
  const node = call?.node as Node;
  return node?.type === 'CallExpression' && node.arguments.includes(argument.node) ? (call as ASTPath & { node: Node }) : undefined;
}

function getSleepPromises(ctx: TransformContext): SleepPromise[] {
  const found: SleepPromise[] = [];
  ctx.index.find(ctx.j.NewExpression).forEach((path) => {
    const delay = getSleepDelay(path);
    if (delay && isSleepSite(ctx, path)) found.push({ path, delay });
  });
  return found;
}

/** The delay of a sleep promise, or undefined if this `new` expression is something else. */
function getSleepDelay(path: ASTPath): Node | undefined {
  const node = path.node as Node;
  if (node.callee.type !== 'Identifier' || node.callee.name !== 'Promise' || node.arguments.length !== 1) return undefined;
  if (!isGlobalReference(path, 'Promise')) return undefined;
  const executor = node.arguments[0];
  if (executor.type !== 'ArrowFunctionExpression' && executor.type !== 'FunctionExpression') return undefined;
  if (executor.async || executor.generator) return undefined;
  const resolve = executor.params[0];
  if (resolve?.type !== 'Identifier') return undefined;
  const call = getOnlyExpression(executor.body);
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'setTimeout') return undefined;
  if (call.arguments.length !== 2 || !isResolveCallback(call.arguments[0], resolve.name)) return undefined;
  // The executor's own scope must not rebind setTimeout, and neither may the file.
  const executorPath = (path as Node).get('arguments', 0);
  if (!isGlobalReference(executorPath.get('body'), 'setTimeout')) return undefined;
  const delay = call.arguments[1];
  if (delay.type === 'SpreadElement' || mentions(delay, resolve.name)) return undefined;
  return delay;
}

/** `resolve`, `() => resolve()`, `() => { resolve(); }`, `function () { resolve() }`. */
function isResolveCallback(node: Node, resolve: string): boolean {
  if (node.type === 'Identifier') return node.name === resolve;
  if ((node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') && node.params.length === 0) {
    const call = getOnlyExpression(node.body);
    return (
      call?.type === 'CallExpression' &&
      call.callee.type === 'Identifier' &&
      call.callee.name === resolve &&
      call.arguments.length === 0
    );
  }
  return false;
}


/**
 * Only sleeps that are waited for at once: awaited, returned or an arrow's body, directly or as a
 * branch of a ternary, or kept in a local that the very next statement awaits and nothing else
 * reads. An abortable sleep rejects on abort, so a stored one that is raced, passed on, shared, or
 * left unawaited when a statement in between throws would become someone else's rejection (or an
 * unhandled one); a sleep inside `Promise.race` is a timeout pattern for other transforms.
 */
function isSleepSite(ctx: TransformContext, path: ASTPath): boolean {
  const value = getValuePath(path);
  const parent = value.parentPath?.node as Node;
  if (!parent) return false;
  if (parent.type === 'AwaitExpression') return true;
  if (parent.type === 'ReturnStatement') return true;
  if (parent.type === 'ArrowFunctionExpression') return parent.body === value.node;
  return parent.type === 'VariableDeclarator' && parent.init === value.node && isAwaitedByNextStatement(ctx, value.parentPath);
}

/** The expression whose value the sleep becomes: out of parentheses and ternary branches. */
function getValuePath(path: ASTPath): ASTPath {
  let current = skipParentheses(path);
  for (;;) {
    const parent = current.parentPath?.node as Node;
    if (parent?.type !== 'ConditionalExpression' || parent.test === current.node) return current;
    current = skipParentheses(current.parentPath);
  }
}

/** `const wait = <sleep>;` followed by `await wait;`, `const x = await wait;` or `return [await] wait;`. */
function isAwaitedByNextStatement(ctx: TransformContext, declarator: ASTPath): boolean {
  const { id } = declarator.node as Node;
  // `.parent` skips the list paths (`declarations`, `body`) that `.parentPath` stops at.
  const declaration = (declarator as Node).parent;
  const block = declaration?.parent?.node as Node;
  if (id.type !== 'Identifier' || declaration.node.declarations.length !== 1 || block?.type !== 'BlockStatement') return false;
  const awaited = getAwaitedIdentifier(block.body[block.body.indexOf(declaration.node) + 1]);
  if (awaited?.name !== id.name) return false;
  const references = getBindingReferences(ctx.j, ctx.root, declarator, id.name);
  return references.length === 1 && references[0]!.node === awaited;
}

function getAwaitedIdentifier(statement: Node): Node | undefined {
  const unwrap = (node: Node) => (node?.type === 'AwaitExpression' ? node.argument : undefined);
  if (statement?.type === 'ExpressionStatement') return asIdentifier(unwrap(statement.expression));
  if (statement?.type === 'ReturnStatement') return asIdentifier(unwrap(statement.argument) ?? statement.argument);
  if (statement?.type === 'VariableDeclaration' && statement.declarations.length === 1) {
    return asIdentifier(unwrap(statement.declarations[0].init));
  }
  return undefined;
}

function asIdentifier(node: Node): Node | undefined {
  return node?.type === 'Identifier' ? node : undefined;
}

function skipParentheses(path: ASTPath): ASTPath {
  let current = path;
  while (current.parentPath?.node?.type === 'ParenthesizedExpression') current = current.parentPath;
  return current;
}

/**
 * A function whose last act is this sleep: `function sleep(ms) { return new Promise(...) }`,
 * `const wait = (ms) => new Promise(...)`, `async function backoff(n) { ...; await new Promise(...) }`,
 * the sleep possibly a branch of the ternary it returns (`return ms > 0 ? new Promise(...) : Promise.resolve()`).
 */
function getSleepHelper(sleep: SleepPromise): SleepHelper | undefined {
  const [functionPath] = getEnclosingFunctions(sleep.path);
  if (!functionPath) return undefined;
  const fn = functionPath.node as Node;
  const site = getValuePath(sleep.path);
  const name = getFunctionName(functionPath);
  if (!name) return undefined;
  const body = fn.body;
  // The sleep is the whole body; or the last statement of a function named for sleeping.
  const isHelper =
    body === site.node ||
    (body.type === 'BlockStatement' &&
      isLastStatementOf(body, site) &&
      (body.body.length === 1 || SLEEPY_NAME.test(name)));
  // A ternary's other branch may be work of its own (`ready ? load() : <sleep>`): only one whose
  // every branch waits or does nothing makes a sleep helper, whatever the function's name.
  const onlyWaits = site.node === sleep.path.node || isOnlyWaiting(site);
  return isHelper && onlyWaits ? { name, functionPath, sleeps: [sleep], paramCount: fn.params.length } : undefined;
}

/** A sleep, `Promise.resolve(...)`, `undefined`, or a ternary whose branches are all one of these. */
function isOnlyWaiting(path: ASTPath): boolean {
  const node = path.node as Node;
  if (node.type === 'Identifier') return node.name === 'undefined';
  if (node.type === 'ConditionalExpression') return isOnlyWaiting((path as Node).get('consequent')) && isOnlyWaiting((path as Node).get('alternate'));
  if (node.type === 'NewExpression') return getSleepDelay(path) !== undefined;
  const callee = node.type === 'CallExpression' ? node.callee : undefined;
  return callee?.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.object.name === 'Promise' && callee.property.name === 'resolve';
}

const SLEEPY_NAME = /sleep|delay|wait|pause|backoff/i;

function isLastStatementOf(block: Node, site: ASTPath): boolean {
  const last = block.body[block.body.length - 1];
  if (!last) return false;
  const parent = site.parentPath?.node as Node;
  if (parent.type === 'ReturnStatement') return last === parent;
  // `await sleepPromise;` as the last statement.
  return parent.type === 'AwaitExpression' && last.type === 'ExpressionStatement' && last.expression === parent;
}

/** `function name() {}` or `const name = () => {}` / `function () {}`. */
function getFunctionName(functionPath: ASTPath): string | undefined {
  const fn = functionPath.node as Node;
  if (fn.type === 'FunctionDeclaration') return fn.id?.name;
  const parent = functionPath.parentPath?.node as Node;
  if ((fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression') && parent?.type === 'VariableDeclarator') {
    return parent.id.type === 'Identifier' ? parent.id.name : undefined;
  }
  return undefined;
}

function rewriteHelper(ctx: TransformContext, helper: SleepHelper, calls: readonly HelperCall[], getCallee: () => string): void {
  const { j } = ctx;
  const fn = helper.functionPath.node as Node;
  const signalName = 'signal';
  const param = j.identifier(signalName);
  if (ctx.typescript) {
    param.optional = true;
    param.typeAnnotation = j.tsTypeAnnotation(j.tsTypeReference(j.identifier('AbortSignal')));
  }
  fn.params.push(param);
  for (const sleep of helper.sleeps) sleep.path.replace(buildTimersCall(ctx, getCallee(), sleep.delay, signalName));
  ctx.edit(helper.functionPath, MESSAGES.helper(helper.name));

  for (const call of calls) {
    const args = (call.path.node as Node).arguments as Node[];
    while (args.length < helper.paramCount) args.push(j.identifier('undefined'));
    args.push(parseExpression(j, getSinkSignalText(j, ctx.root, call.signal, false)));
    ctx.edit(call.path, MESSAGES.helperCall(helper.name, call.signal.expression));
  }
}

/**
 * Direct calls of the helper, any other reference to it (passed as a value, stored), and whether
 * the module exports it (`export function`, `export const`, `export { name }`).
 */
function getHelperUses(ctx: TransformContext, helper: SleepHelper): { calls: ASTPath[]; values: ASTPath[]; exported: boolean } {
  const { j } = ctx;
  const calls: ASTPath[] = [];
  const values: ASTPath[] = [];
  let exported = isExportedDeclaration(helper.functionPath);
  const declaringScope = getDeclaringScope(helper);
  ctx.index.find(j.Identifier, undefined, { name: helper.name }).forEach((path) => {
    const parent = path.parentPath?.node as Node;
    if (!isReference(path)) return;
    if ((path as Node).scope?.lookup(helper.name) !== declaringScope) return;
    if (parent.type === 'CallExpression' && parent.callee === path.node) calls.push(path.parentPath);
    else if (parent.type === 'ExportSpecifier') exported = true;
    else values.push(path);
  });
  return { calls, values, exported };
}

/** `export function name`, `export const name = ...`, `export default function name`. */
function isExportedDeclaration(functionPath: ASTPath): boolean {
  const fn = functionPath.node as Node;
  // `.parent` skips the list paths (`declarations`, `body`) that `.parentPath` stops at.
  const declaration = fn.type === 'FunctionDeclaration' ? functionPath : (functionPath as Node).parent?.parent;
  const parent = declaration?.parent?.node as Node;
  return parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration';
}

/** The scope the helper's name is bound in: the one around the function, not its own. */
function getDeclaringScope(helper: SleepHelper): unknown {
  return (helper.functionPath.parentPath as Node).scope?.lookup(helper.name);
}

/**
 * `callee(delay)` or `callee(delay, undefined, { signal })`, built from text so that recast keeps
 * it on one line; the original delay node goes back in so that it keeps its own formatting.
 */
function buildTimersCall(ctx: TransformContext, callee: string, delay: Node, signal: string | undefined): Node {
  const options = signal === undefined ? '' : `, undefined, { ${signal === 'signal' ? 'signal' : `signal: ${signal}`} }`;
  const call = parseExpression(ctx.j, `${callee}(0${options})`);
  call.arguments[0] = delay;
  return call;
}
