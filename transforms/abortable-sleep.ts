import type { ASTPath } from 'jscodeshift';
import { getEnclosingFunctions } from '../src/ast/get-enclosing-functions.ts';
import { getModuleKind } from '../src/ast/get-module-kind.ts';
import { getOnlyExpression } from '../src/ast/get-only-expression.ts';
import { getForwardingObstacle } from '../src/ast/get-forwarding-obstacle.ts';
import { getSinkSignalText } from '../src/ast/get-sink-signal-text.ts';
import { isGlobalReference } from '../src/ast/is-global-reference.ts';
import { isReference } from '../src/ast/is-reference.ts';
import { mentions } from '../src/ast/mentions.ts';
import { isBrowserOnly } from '../src/ast/is-browser-only.ts';
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
  sleep: 'sleep now uses node:timers/promises setTimeout',
  sleepWithSignal: (signal: string) => `sleep now uses node:timers/promises setTimeout and stops on abort of ${signal}`,
  helper: (name: string) => `${name}() now uses node:timers/promises setTimeout and takes an optional signal`,
  helperCall: (name: string, signal: string) => `passes ${signal} to ${name}()`,
  helperAsValue: (name: string) =>
    `${name} is used as a value (callback or property), so no signal parameter was added: a caller could pass something else in that position`,
  browser: 'browser-only file: node:timers/promises is not available; rerun with --runtime node to rewrite it anyway',
  unknownModule: 'cannot tell whether this file is an ES module or CommonJS, so no import was added',
  kept: (reason: string) => `sleep not rewritten: ${reason}`,
  keptCall: (name: string, signal: string, reason: string) => `${signal} not passed to ${name}(): ${reason}`,
  helperUnsafeParams: (name: string) => `${name}() has a rest or destructured parameter, so no signal parameter was added`,
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

/** A local function whose whole job is to sleep, to which a signal parameter can be added. */
interface SleepHelper {
  readonly name: string;
  readonly functionPath: ASTPath;
  readonly sleep: SleepPromise;
  readonly paramCount: number;
}

export function transform(ctx: TransformContext): void {
  const sleeps = getSleepPromises(ctx);
  if (sleeps.length === 0) return;
  if (ctx.options.runtime !== 'node' && isBrowserOnly(ctx.j, ctx.root)) {
    for (const sleep of sleeps) ctx.manual(sleep.path, MESSAGES.browser);
    return;
  }
  const moduleKind = getModuleKind(ctx.j, ctx.root, ctx.path);
  if (!moduleKind) {
    for (const sleep of sleeps) ctx.manual(sleep.path, MESSAGES.unknownModule);
    return;
  }

  let reference: MemberReference | undefined;
  const getCallee = () => {
    reference ??=
      findModuleMember(ctx.j, ctx.root, TIMERS_SET_TIMEOUT) ??
      addModuleMember(ctx, moduleKind, TIMERS_SET_TIMEOUT);
    return getMemberText(reference);
  };

  for (const sleep of sleeps) {
    const signal = getSignalInScope(ctx.j, ctx.root, sleep.path);
    const obstacle = signal && getForwardingObstacle(sleep.path, signal, []);
    if (obstacle?.kind === 'obstacle') {
      ctx.manual(sleep.path, MESSAGES.kept(obstacle.reason));
      continue;
    }
    const helper = signal ? undefined : getSleepHelper(sleep);
    if (helper) {
      rewriteHelper(ctx, helper, getCallee);
      continue;
    }
    ctx.edit(sleep.path, signal ? MESSAGES.sleepWithSignal(signal.expression) : MESSAGES.sleep);
    sleep.path.replace(buildTimersCall(ctx, getCallee(), sleep.delay, signal && getSinkSignalText(ctx.j, ctx.root, signal, false)));
  }
}

export default createJscodeshiftTransform({ meta, transform });

function getSleepPromises(ctx: TransformContext): SleepPromise[] {
  const found: SleepPromise[] = [];
  ctx.root.find(ctx.j.NewExpression).forEach((path) => {
    const delay = getSleepDelay(path);
    if (delay && isSleepSite(path)) found.push({ path, delay });
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
 * Only sleeps that are awaited, or returned as a function's result. A sleep inside
 * `Promise.race` or kept in a variable is a timeout pattern for other transforms.
 */
function isSleepSite(path: ASTPath): boolean {
  const parent = skipParentheses(path).parentPath?.node as Node;
  if (!parent) return false;
  if (parent.type === 'AwaitExpression') return true;
  if (parent.type === 'ReturnStatement') return true;
  return parent.type === 'ArrowFunctionExpression' && parent.body === skipParentheses(path).node;
}

function skipParentheses(path: ASTPath): ASTPath {
  let current = path;
  while (current.parentPath?.node?.type === 'ParenthesizedExpression') current = current.parentPath;
  return current;
}

/**
 * A function whose last act is this sleep: `function sleep(ms) { return new Promise(...) }`,
 * `const wait = (ms) => new Promise(...)`, `async function backoff(n) { ...; await new Promise(...) }`.
 */
function getSleepHelper(sleep: SleepPromise): SleepHelper | undefined {
  const [functionPath] = getEnclosingFunctions(sleep.path);
  if (!functionPath) return undefined;
  const fn = functionPath.node as Node;
  const site = skipParentheses(sleep.path);
  const name = getFunctionName(functionPath);
  if (!name) return undefined;
  const body = fn.body;
  // The sleep is the whole body; or the last statement of a function named for sleeping.
  const isHelper =
    body === site.node ||
    (body.type === 'BlockStatement' &&
      isLastStatementOf(body, site) &&
      (body.body.length === 1 || SLEEPY_NAME.test(name)));
  return isHelper ? { name, functionPath, sleep, paramCount: fn.params.length } : undefined;
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

function rewriteHelper(ctx: TransformContext, helper: SleepHelper, getCallee: () => Node): void {
  const { j } = ctx;
  const fn = helper.functionPath.node as Node;
  const uses = getHelperUses(ctx, helper);
  const plainParams = fn.params.every((param: Node) =>
    param.type === 'Identifier' || (param.type === 'AssignmentPattern' && param.left.type === 'Identifier'),
  );
  const canAddSignal = uses.values.length === 0 && plainParams && !mentions(helper.sleep.delay, 'signal');
  if (!canAddSignal) {
    // Still worth rewriting: the sleep itself behaves the same, and is ready for a signal.
    ctx.edit(helper.sleep.path, MESSAGES.sleep);
    helper.sleep.path.replace(buildTimersCall(ctx, getCallee(), helper.sleep.delay, undefined));
    const reason = plainParams ? MESSAGES.helperAsValue(helper.name) : MESSAGES.helperUnsafeParams(helper.name);
    ctx.manual(helper.functionPath, reason);
    return;
  }

  const signalName = 'signal';
  const param = j.identifier(signalName);
  if (ctx.typescript) {
    param.optional = true;
    param.typeAnnotation = j.tsTypeAnnotation(j.tsTypeReference(j.identifier('AbortSignal')));
  }
  fn.params.push(param);
  helper.sleep.path.replace(buildTimersCall(ctx, getCallee(), helper.sleep.delay, signalName));
  ctx.edit(helper.functionPath, MESSAGES.helper(helper.name));

  for (const call of uses.calls) {
    const args = (call.node as Node).arguments as Node[];
    if (args.length > helper.paramCount || args.some((arg) => arg.type === 'SpreadElement')) continue;
    const signal = getSignalInScope(j, ctx.root, call);
    if (!signal) continue;
    const obstacle = getForwardingObstacle(call, signal, []);
    if (obstacle.kind === 'obstacle') {
      ctx.manual(call, MESSAGES.keptCall(helper.name, signal.expression, obstacle.reason));
      continue;
    }
    while (args.length < helper.paramCount) args.push(j.identifier('undefined'));
    args.push(parseExpression(j, getSinkSignalText(j, ctx.root, signal, false)));
    ctx.edit(call, MESSAGES.helperCall(helper.name, signal.expression));
  }
}

/** Direct calls of the helper, and any other reference to it (passed as a value, stored). */
function getHelperUses(ctx: TransformContext, helper: SleepHelper): { calls: ASTPath[]; values: ASTPath[] } {
  const { j } = ctx;
  const calls: ASTPath[] = [];
  const values: ASTPath[] = [];
  const declaringScope = getDeclaringScope(helper);
  ctx.root.find(j.Identifier, { name: helper.name }).forEach((path) => {
    const parent = path.parentPath?.node as Node;
    if (!isReference(path)) return;
    if ((path as Node).scope?.lookup(helper.name) !== declaringScope) return;
    if (parent.type === 'CallExpression' && parent.callee === path.node) calls.push(path.parentPath);
    else if (parent.type === 'ExportSpecifier') return;
    else values.push(path);
  });
  return { calls, values };
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
