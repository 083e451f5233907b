import type { ASTPath } from 'jscodeshift';
import { buildObjectWithProperty } from '../src/ast/add-object-property.ts';
import { buildTimeoutSignalText } from '../src/ast/build-timeout-signal.ts';
import { getEnclosingFunctions, isFunctionNode } from '../src/ast/get-enclosing-functions.ts';
import { getNodeText } from '../src/ast/get-node-text.ts';
import { getBindingReferences, isReferenceIdentifier, isWrittenIdentifier } from '../src/ast/get-references.ts';
import { isAwayFrom } from '../src/ast/is-away-from.ts';
import { isGlobalReference } from '../src/ast/is-global-reference.ts';
import { mentions } from '../src/ast/mentions.ts';
import { classifySignalExpression, classifySignalIterable } from '../src/ast/is-signal-expression.ts';
import { parseExpression, parseStatement } from '../src/ast/parse-snippet.ts';
import { createJscodeshiftTransform } from '../src/engine/adapter.ts';
import { getFeatureSupport } from '../src/runtime/features.ts';
import type { TransformContext, TransformMeta } from '../src/types.ts';

type Node = any;

export const meta: TransformMeta = {
  name: 'link-signals',
  description:
    "Turn controllers that only follow other signals ('abort' listeners calling controller.abort()) into AbortSignal.any; remove 'abort' listeners on long-lived signals when their operation settles, or report them",
  mayApply: (source) => source.includes('addEventListener') && source.includes('abort'),
  rule: 'hand-linked-signals',
  behaviourChange: 'an abort after the operation settled no longer runs the listener',
};

/** Findings about listeners that stay attached use their own `check` rule. */
const LISTENER_RULE = 'abort-listener-leak';

const MESSAGES = {
  linked: (name: string, signals: string) => `${name} only followed ${signals}: now AbortSignal.any`,
  manual: (name: string, reason: string) => `${name} follows other signals by hand but was left alone: ${reason}`,
  abortedElsewhere: 'it is also aborted outside an abort listener of the signals it follows',
  customReason: 'abort() passes a reason of its own',
  listenerDoesMore: "an 'abort' listener does more than abort it",
  listenerUsedElsewhere: (name: string) => `the listener ${name} is used for more than adding and removing it`,
  listenerOptions: "an 'abort' listener is added with options other than once and capture flags",
  listenerHazard: (hazard: string) => `an 'abort' listener cannot be taken for a plain one: ${hazard}`,
  escapes: 'the controller is used as a value (returned, stored, passed on or destructured)',
  controllerReassigned: 'the controller variable is reassigned',
  signalReassigned: (signal: string) => `${signal} is reassigned`,
  notBefore: (signal: string) => `${signal} is not declared before the controller`,
  notStatement: "a listener is added conditionally or outside the controller's block",
  awaitBetween: 'the listeners are added after an await: AbortSignal.any would also see aborts that happen before then',
  notASignal: (signal: string) => `cannot tell that ${signal} is an AbortSignal (name it *signal or give it a type)`,
  notSignals: (iterable: string) => `cannot tell that ${iterable} holds AbortSignals (name it *signals or give it a type)`,
  shadowed: (name: string) => `${name} is not the global here`,
  twoTimers: 'more than one timer aborts it',
  onabort: 'it follows a signal through onabort, which replaces any other onabort handler: rewrite it by hand',
  bound: 'abort.bind(...) as the listener passes the Event as the abort reason',
  removeInFinally: (signal: string) => `the 'abort' listener on ${signal}, which outlives this function, is now removed when the try block settles`,
  removalMismatch: (signal: string) =>
    `the removeEventListener('abort', ...) on ${signal} passes another function than the one added, so it never removes it`,
  captureMismatch: (signal: string) =>
    `the removeEventListener('abort', ...) on ${signal} passes another capture flag than the addEventListener, so it never removes the listener`,
  optionsUnknown: (signal: string) => `'abort' listener on ${signal}, which outlives this function: cannot read its options, so cannot tell whether it is ever removed`,
  neverRemoved: (signal: string) =>
    `'abort' listener on ${signal}, which outlives this function, is never removed: if its work ends before the signal aborts, remove it then (removeEventListener, or a signal option aborted then); { once: true } does not detach it`,
  linkRemoved: 'removes a statement that only served the hand-made link (a listener, check, timer or removal)',
  signalRead: (name: string) => `the controller's signal is now \`${name}\``,
  cleanupAdded: (text: string) => `adds \`${text}\` to finally, so that the listener goes when the try block settles`,
  listenerControllerAdded: (name: string) => `adds \`const ${name} = new AbortController()\`, aborted in finally to remove the listener`,
  hazard: (signal: string, hazard: keyof typeof HAZARDS) => `'abort' listener on ${signal}, which outlives this function, was left alone: ${HAZARDS[hazard]}`,
} as const;

/** One thing the controller follows, in the order the code set it up. */
type Source =
  /** `test`: the check that the signal exists, as written (`options?.signal`), when it may not. */
  | { readonly kind: 'signal'; readonly text: string; readonly test?: string }
  | { readonly kind: 'each'; readonly iterable: string; readonly isArray: boolean }
  | { readonly kind: 'timeout'; readonly ms: string };

/** A `const controller = new AbortController()` whose every use was understood. */
interface LinkedController {
  readonly declarator: ASTPath;
  readonly sources: readonly Source[];
  /** Statements that only served the hand-made link: listeners, pre-checks, timers, removals. */
  readonly removals: readonly ASTPath[];
  /** `controller.signal` reads, which become the new signal. */
  readonly signalReads: readonly ASTPath[];
}

type Classification =
  | { readonly kind: 'linked'; readonly controller: LinkedController }
  | { readonly kind: 'manual'; readonly reason: string }
  /** Not a controller that follows another signal: someone else's business. */
  | { readonly kind: 'other' };

export function transform(ctx: TransformContext): void {
  ctx.index.find(ctx.j.VariableDeclarator).forEach((path) => {
    const classification = classifyController(ctx, path);
    const name = ((path.node as Node).id as Node).name as string;
    if (classification.kind === 'manual') {
      // Left alone, yet no listener stays on the signals it follows: nothing leaks, so not a `check` finding.
      const report = areFollowListenersRemoved(ctx, path, name) ? ctx.handled : ctx.manual;
      report(path, MESSAGES.manual(name, classification.reason));
    }
    if (classification.kind !== 'linked') return;
    const text = buildAnyText(ctx, path, classification.controller.sources);
    // `AbortSignal.any` missing on the target: a leak only if a listener stays on a signal it follows.
    if (text.kind === 'unsupported') return (areFollowListenersRemoved(ctx, path, name) ? ctx.handled : ctx.manual)(path, MESSAGES.manual(name, text.reason));
    link(ctx, classification.controller, text.text);
  });
  removeLeakingListeners(ctx);
}

export default createJscodeshiftTransform({ meta, transform });

// ---------------------------------------------------------------------------------------------
// Hand-linked controllers
// ---------------------------------------------------------------------------------------------

/** What one `controller.<x>` use turned out to be. */
type Use =
  | { readonly kind: 'signal-read'; readonly path: ASTPath }
  | {
      readonly kind: 'listener';
      readonly sources: readonly Source[];
      readonly removals: readonly ASTPath[];
      /** The statements adding the listener, and where each sits in the controller's block. */
      readonly statements: readonly ASTPath[];
      readonly anchors: readonly ASTPath[];
    }
  | { readonly kind: 'pre-check'; readonly signal: string; readonly statement: ASTPath }
  | { readonly kind: 'timer'; readonly ms: Node; readonly removals: readonly ASTPath[]; readonly statement: ASTPath }
  | { readonly kind: 'problem'; readonly reason: string; readonly follows: boolean };

function classifyController(ctx: TransformContext, path: ASTPath): Classification {
  const node = path.node as Node;
  const init = node.init;
  if (node.id.type !== 'Identifier' || init?.type !== 'NewExpression' || init.callee.type !== 'Identifier') return { kind: 'other' };
  if (init.callee.name !== 'AbortController' || init.arguments.length > 0) return { kind: 'other' };
  const name = node.id.name as string;
  const statement = path.parentPath?.parentPath as ASTPath;
  const list = getStatementList(statement);

  const references = getBindingReferences(ctx.j, ctx.root, path, name);
  const uses = references.map((reference) => classifyUse(ctx, reference, list));
  const follows = uses.some((use) => use.kind === 'listener' || (use.kind === 'problem' && use.follows));
  if (!follows) return { kind: 'other' };
  // The code that stands in for AbortSignal.any where the runtime lacks it is not to be replaced by it.
  if (isAnySignalFallback(path)) return { kind: 'other' };

  // From here on the controller does follow another signal: anything in the way is reported.
  if (!isGlobalReference(path, 'AbortController')) return { kind: 'manual', reason: MESSAGES.shadowed('AbortController') };
  if (!isGlobalReference(path, 'AbortSignal')) return { kind: 'manual', reason: MESSAGES.shadowed('AbortSignal') };
  if (references.some(isWrittenIdentifier)) return { kind: 'manual', reason: MESSAGES.controllerReassigned };
  const problem = uses.find((use) => use.kind === 'problem');
  if (problem?.kind === 'problem') return { kind: 'manual', reason: problem.reason };
  if (!list) return { kind: 'manual', reason: MESSAGES.notStatement };

  const sources: Source[] = [];
  const removals: ASTPath[] = [];
  const signalReads: ASTPath[] = [];
  const setup: ASTPath[] = [];
  const followed = new Set<string>();
  for (const use of uses) {
    if (use.kind === 'signal-read') signalReads.push(use.path);
    if (use.kind === 'listener') {
      for (const source of use.sources) {
        const key = getSourceKey(source);
        if (!followed.has(key)) sources.push(source);
        followed.add(key);
      }
      removals.push(...use.statements, ...use.removals);
      setup.push(...use.anchors);
    }
    if (use.kind === 'timer') {
      if (sources.some((source) => source.kind === 'timeout')) return { kind: 'manual', reason: MESSAGES.twoTimers };
      const ms = getNodeText(use.ms) as string;
      sources.push({ kind: 'timeout', ms });
      removals.push(use.statement, ...use.removals);
      setup.push(use.statement);
    }
  }
  // `if (parent.aborted) controller.abort()`: AbortSignal.any starts aborted in that case itself.
  for (const use of uses) {
    if (use.kind !== 'pre-check') continue;
    if (!followed.has(normalizeChain(use.signal))) return { kind: 'manual', reason: MESSAGES.abortedElsewhere };
    removals.push(use.statement);
    setup.push(use.statement);
  }

  const timer = uses.find((use) => use.kind === 'timer');
  const stable = checkStableSources(ctx, statement, sources, timer?.kind === 'timer' ? timer.ms : undefined);
  if (stable) return { kind: 'manual', reason: stable };
  if (hasAwaitBefore(statement, list, setup)) return { kind: 'manual', reason: MESSAGES.awaitBetween };

  return { kind: 'linked', controller: { declarator: path, sources, removals: dedupe(removals), signalReads } };
}

function classifyUse(ctx: TransformContext, reference: ASTPath, list: Node[] | undefined): Use {
  const member = reference.parentPath?.node as Node;
  const escapes: Use = { kind: 'problem', reason: MESSAGES.escapes, follows: false };
  if (member?.type !== 'MemberExpression' || member.object !== reference.node || member.computed) return escapes;
  const memberPath = reference.parentPath as ASTPath;
  if (member.property.name === 'signal') {
    if (isWrittenIdentifier(memberPath as ASTPath)) return escapes;
    return { kind: 'signal-read', path: memberPath };
  }
  const call = memberPath.parentPath?.node as Node;
  if (member.property.name === 'abort' && isBoundListener(memberPath)) return { kind: 'problem', reason: MESSAGES.bound, follows: true };
  if (member.property.name !== 'abort' || call?.type !== 'CallExpression' || call.callee !== member) return escapes;
  return classifyAbortCall(ctx, memberPath.parentPath as ASTPath, list);
}

/**
 * Where a `controller.abort(...)` call sits: alone in an 'abort' listener of another signal, in a
 * timer, in an `if (signal.aborted)` pre-check, or somewhere else.
 */
function classifyAbortCall(ctx: TransformContext, callPath: ASTPath, list: Node[] | undefined): Use {
  const call = callPath.node as Node;
  const [fnPath] = getEnclosingFunctions(callPath);
  const elsewhere: Use = { kind: 'problem', reason: MESSAGES.abortedElsewhere, follows: false };
  const fn = fnPath?.node as Node;
  const onlyStatement = fn ? getOnlyExpression(fn.body) === call : false;

  // `if (parent.aborted) controller.abort();`
  const preCheck = getPreCheck(callPath);
  if (preCheck) {
    if (!isDefaultOrOwnReason(call, preCheck.signal)) return { kind: 'problem', reason: MESSAGES.customReason, follows: false };
    if (!list || !list.includes(preCheck.statement.node)) return elsewhere;
    return { kind: 'pre-check', signal: preCheck.signal, statement: preCheck.statement };
  }
  if (!fnPath) return elsewhere;

  const registrations = getListenerRegistrations(ctx, fnPath);
  if (registrations) {
    const hazard = getListenerHazard(fn);
    if (hazard) return { kind: 'problem', reason: MESSAGES.listenerHazard(HAZARDS[hazard]), follows: true };
    if (!onlyStatement) return { kind: 'problem', reason: MESSAGES.listenerDoesMore, follows: true };
    return classifyListener(ctx, registrations, call, list);
  }
  const assignment = getParentNodePath(fnPath)?.node as Node;
  if (assignment?.type === 'AssignmentExpression' && assignment.right === fn && isMember(assignment.left) && assignment.left.property?.name === 'onabort') {
    return { kind: 'problem', reason: MESSAGES.onabort, follows: true };
  }
  const timer = onlyStatement ? getTimer(ctx, fnPath) : undefined;
  if (timer) {
    if (call.arguments.length > 0) return { kind: 'problem', reason: MESSAGES.customReason, follows: false };
    if (!list || !list.includes(timer.statement.node)) return elsewhere;
    return { kind: 'timer', ms: timer.ms, removals: timer.removals, statement: timer.statement };
  }
  return elsewhere;
}

/** `signal.addEventListener('abort', controller.abort.bind(controller))`. */
function isBoundListener(abortMember: ASTPath): boolean {
  const bind = abortMember.parentPath?.node as Node;
  if (bind?.type !== 'MemberExpression' || bind.object !== abortMember.node || bind.property.name !== 'bind') return false;
  const bindCall = abortMember.parentPath?.parentPath as ASTPath;
  return (bindCall?.node as Node)?.type === 'CallExpression' && getRegistration(bindCall, 'addEventListener') !== undefined;
}

/** `signal.aborted` / `signal?.aborted` as the whole test of an `if` without `else`. */
function getPreCheck(callPath: ASTPath): { signal: string; statement: ASTPath } | undefined {
  let statement = callPath.parentPath as ASTPath;
  if ((statement.node as Node).type !== 'ExpressionStatement') return undefined;
  let parent = statement.parentPath as ASTPath;
  if (Array.isArray(parent.value) && (parent.node as Node).type === 'BlockStatement' && (parent.node as Node).body.length === 1) {
    statement = parent.parentPath as ASTPath;
    parent = statement.parentPath as ASTPath;
  }
  const ifNode = parent.node as Node;
  if (ifNode.type !== 'IfStatement' || ifNode.alternate || !(ifNode.consequent === statement.node)) return undefined;
  const test = ifNode.test;
  if ((test.type !== 'MemberExpression' && test.type !== 'OptionalMemberExpression') || test.computed || test.property.name !== 'aborted') return undefined;
  const signal = getNodeText(test.object);
  return signal === undefined ? undefined : { signal, statement: parent };
}

/** `abort()` or `abort(signal.reason)` for the signal that triggered it: what AbortSignal.any does. */
function isDefaultOrOwnReason(call: Node, signal: string): boolean {
  if (call.arguments.length === 0) return true;
  if (call.arguments.length > 1) return false;
  const reason = call.arguments[0];
  const isReason = (reason.type === 'MemberExpression' || reason.type === 'OptionalMemberExpression') && !reason.computed && reason.property.name === 'reason';
  return isReason && normalizeChain(getNodeText(reason.object) ?? '') === normalizeChain(signal);
}

/** A `target.addEventListener('abort', fn, options?)` call that adds the function at `fnPath`. */
interface Registration {
  readonly call: ASTPath;
  /** The object the listener is added to (`signal`, `options?.signal`). */
  readonly target: Node;
  readonly options: Node | undefined;
}

/**
 * The places where the function at `fnPath` is added as an 'abort' listener: passed inline, or
 * declared (`const onAbort = () => ...`, `function onAbort() {}`) and passed by name. Undefined
 * when it is not an 'abort' listener. Named listeners come with every other use of their name.
 */
function getListenerRegistrations(
  ctx: TransformContext,
  fnPath: ASTPath,
): { registrations: Registration[]; others: ASTPath[]; declaration?: ASTPath } | undefined {
  const inline = getRegistration(fnPath, 'addEventListener');
  if (inline) return { registrations: [inline], others: [] };
  const declaration = getFunctionDeclaration(fnPath);
  if (!declaration) return undefined;
  const registrations: Registration[] = [];
  const others: ASTPath[] = [];
  for (const reference of getBindingReferences(ctx.j, ctx.root, declaration.path, declaration.name)) {
    const registration = getRegistration(reference, 'addEventListener');
    if (registration) registrations.push(registration);
    else others.push(reference);
  }
  return registrations.length > 0 ? { registrations, others, declaration: declaration.statement } : undefined;
}

/** `const onAbort = fn` (one declarator) or `function onAbort() {}`, and the statement declaring it. */
function getFunctionDeclaration(fnPath: ASTPath): { name: string; path: ASTPath; statement: ASTPath } | undefined {
  const fn = fnPath.node as Node;
  if (fn.type === 'FunctionDeclaration' && fn.id) return { name: fn.id.name, path: fnPath, statement: fnPath };
  const declarator = fnPath.parentPath?.node as Node;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== fn || declarator.id.type !== 'Identifier') return undefined;
  const declaration = fnPath.parentPath?.parentPath?.parentPath as ASTPath;
  const node = declaration?.node as Node;
  if (node?.type !== 'VariableDeclaration' || node.kind !== 'const' || node.declarations.length !== 1) return undefined;
  return { name: declarator.id.name, path: fnPath.parentPath as ASTPath, statement: declaration };
}

/** The `target.<method>('abort', <value at path>, options?)` call around `path`, if it is one. */
function getRegistration(path: ASTPath, method: 'addEventListener' | 'removeEventListener'): Registration | undefined {
  const callPath = getParentNodePath(path);
  const call = callPath?.node as Node;
  if ((call?.type !== 'CallExpression' && call?.type !== 'OptionalCallExpression') || call.arguments[1] !== path.node) return undefined;
  const callee = call.callee;
  if ((callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') || callee.computed) return undefined;
  if (callee.property.name !== method || !isAbortEventName(call.arguments[0]) || call.arguments.length > 3) return undefined;
  return { call: callPath as ASTPath, target: callee.object, options: call.arguments[2] };
}

function isAbortEventName(node: Node): boolean {
  return (node?.type === 'StringLiteral' || node?.type === 'Literal') && node.value === 'abort';
}

/**
 * A listener whose whole body is `controller.abort()`: what it follows, and what to remove. A
 * listener declared once and passed by name may be added to several signals.
 */
function classifyListener(
  ctx: TransformContext,
  found: { registrations: Registration[]; others: ASTPath[]; declaration?: ASTPath },
  call: Node,
  list: Node[] | undefined,
): Use {
  const problem = (reason: string): Use => ({ kind: 'problem', reason, follows: true });
  if (!list) return problem(MESSAGES.notStatement);
  const targets = found.registrations.map((registration) => getNodeText(registration.target) as string);

  // The name of a declared listener may only be added and removed (anywhere).
  const removals: ASTPath[] = [];
  for (const other of found.others) {
    const removal = getRegistration(other, 'removeEventListener');
    const statement = removal && getExpressionStatement(removal.call);
    const removedFrom = normalizeChain(getNodeText(removal?.target) ?? '');
    if (!removal || !statement || !isInList(statement) || !targets.some((target) => normalizeChain(target) === removedFrom)) {
      return problem(MESSAGES.listenerUsedElsewhere((other.node as Node).name));
    }
    removals.push(statement);
  }
  if (found.declaration) {
    if (!list.includes(found.declaration.node)) return problem(MESSAGES.notStatement);
    removals.push(found.declaration);
  }

  const sources: Source[] = [];
  const statements: ASTPath[] = [];
  const anchors: ASTPath[] = [];
  for (const [index, registration] of found.registrations.entries()) {
    const target = targets[index] as string;
    const options = getListenerOptions(registration.options);
    if (options.kind === 'unknown' || options.signal) return problem(MESSAGES.listenerOptions);
    // `abort(signal.reason)` is what AbortSignal.any does, for the one signal that reason is from.
    if (!isDefaultOrOwnReason(call, target) || (call.arguments.length > 0 && found.registrations.length > 1)) return problem(MESSAGES.customReason);
    const statement = getExpressionStatement(registration.call);
    const shape = statement && getRegistrationShape(statement, list, registration.target);
    if (shape === 'after-await') return problem(MESSAGES.awaitBetween);
    if (!statement || !shape) return problem(MESSAGES.notStatement);
    statements.push(shape.statement);
    anchors.push(shape.anchor);
    if (shape.kind === 'loop') {
      const iterable = getNodeText(shape.iterable) as string;
      const signals = classifySignalIterable(ctx, shape.statement, shape.iterable);
      if (signals.kind !== 'signals') return problem(MESSAGES.notSignals(iterable));
      sources.push({ kind: 'each', iterable, isArray: signals.isArray });
      continue;
    }
    if (!isSignalExpression(ctx, statement, registration.target)) return problem(MESSAGES.notASignal(target));
    const test = shape.kind === 'guarded' ? shape.test : isOptionalChain(registration.call.node as Node) ? target : undefined;
    sources.push({ kind: 'signal', text: normalizeChain(target), test });
  }
  return { kind: 'listener', sources, removals, statements, anchors };
}

/**
 * How the statement adding the listener sits in the controller's block: directly; as
 * `if (signal) signal.addEventListener(...)` (the signal may be missing); or as
 * `for (const s of signals) s.addEventListener(...)`. Each of these may also be a statement of a
 * `try` block in the controller's block, before any await there. `statement` is what goes,
 * `anchor` its place in the controller's block.
 */
function getRegistrationShape(
  statement: ASTPath,
  list: Node[],
  target: Node,
):
  | { kind: 'direct'; statement: ASTPath; anchor: ASTPath }
  | { kind: 'guarded'; statement: ASTPath; anchor: ASTPath; test: string }
  | { kind: 'loop'; statement: ASTPath; anchor: ASTPath; iterable: Node }
  | 'after-await'
  | undefined {
  const direct = getAnchor(statement, list);
  if (direct) return direct === 'after-await' ? direct : { kind: 'direct', statement, anchor: direct };
  let wrapper = statement.parentPath as ASTPath;
  let inner = statement;
  if (Array.isArray(wrapper.value)) {
    const block = wrapper.parentPath as ASTPath;
    if ((block.node as Node).type !== 'BlockStatement' || (block.node as Node).body.length !== 1) return undefined;
    inner = block;
    wrapper = block.parentPath as ASTPath;
  }
  const node = wrapper.node as Node;
  const anchor = getAnchor(wrapper, list);
  if (!anchor || anchor === 'after-await') return anchor;
  const targetText = normalizeChain(getNodeText(target) ?? '');
  if (node.type === 'IfStatement' && !node.alternate && node.consequent === inner.node && normalizeChain(getNodeText(node.test) ?? '') === targetText) {
    return { kind: 'guarded', statement: wrapper, anchor, test: getNodeText(node.test) as string };
  }
  if (node.type === 'ForOfStatement' && !node.await && node.body === inner.node && node.left.type === 'VariableDeclaration') {
    const declarator = node.left.declarations[0];
    if (node.left.declarations.length === 1 && declarator.id.type === 'Identifier' && target.type === 'Identifier' && target.name === declarator.id.name) {
      return { kind: 'loop', statement: wrapper, anchor, iterable: node.right };
    }
  }
  return undefined;
}

/**
 * The statement of `list` that `statement` runs as part of: itself, or the `try` whose block
 * holds it, when nothing before it in that block may await (the code would not see aborts from
 * before then; AbortSignal.any would).
 */
function getAnchor(statement: ASTPath, list: Node[]): ASTPath | 'after-await' | undefined {
  if (list.includes(statement.node)) return statement;
  const inner = statement.parentPath?.value;
  const block = statement.parentPath?.parentPath as ASTPath | undefined;
  const tryPath = block?.parentPath as ASTPath | undefined;
  const tryNode = tryPath?.node as Node;
  if (!Array.isArray(inner) || tryNode?.type !== 'TryStatement' || tryNode.block !== block?.node || !list.includes(tryNode)) return undefined;
  return inner.slice(0, inner.indexOf(statement.node)).some(containsAwait) ? 'after-await' : tryPath;
}

/** `setTimeout(() => controller.abort(), ms)`, alone or as `const timer = ...` cleared only by clearTimeout. */
function getTimer(ctx: TransformContext, fnPath: ASTPath): { ms: Node; statement: ASTPath; removals: ASTPath[] } | undefined {
  const callPath = getParentNodePath(fnPath) as ASTPath;
  const call = callPath?.node as Node;
  if (call?.type !== 'CallExpression' || call.arguments.length !== 2 || call.arguments[0] !== fnPath.node) return undefined;
  if (call.callee.type !== 'Identifier' || call.callee.name !== 'setTimeout' || !isGlobalReference(fnPath, 'setTimeout')) return undefined;
  const ms = call.arguments[1];
  if (ms.type === 'SpreadElement') return undefined;
  const statement = getExpressionStatement(callPath);
  if (statement) return { ms, statement, removals: [] };
  const declarator = callPath.parentPath?.node as Node;
  const declaration = callPath.parentPath?.parentPath?.parentPath as ASTPath;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier' || (declaration?.node as Node)?.declarations?.length !== 1) return undefined;
  const removals: ASTPath[] = [];
  for (const reference of getBindingReferences(ctx.j, ctx.root, callPath.parentPath as ASTPath, declarator.id.name)) {
    const clearPath = getParentNodePath(reference) as ASTPath;
    const clear = clearPath?.node as Node;
    const clearStatement = getExpressionStatement(clearPath);
    const isClear = clear?.type === 'CallExpression' && clear.callee.type === 'Identifier' && clear.callee.name === 'clearTimeout' && clear.arguments.length === 1;
    if (!isClear || !clearStatement || !isInList(clearStatement) || !isGlobalReference(reference, 'clearTimeout')) return undefined;
    removals.push(clearStatement);
  }
  return { ms, statement: declaration, removals };
}

/**
 * The followed signals and the delay are evaluated where the controller was created: each name
 * they use must already hold its final value there.
 */
function checkStableSources(ctx: TransformContext, statement: ASTPath, sources: readonly Source[], ms: Node | undefined): string | undefined {
  const start = (statement.node as Node).start as number;
  const check = (text: string, node: Node | undefined, site: ASTPath): string | undefined => {
    for (const name of getReferencedNames(ctx, node)) {
      const scope = (site as Node).scope?.lookup(name);
      if (!scope) continue;
      const bindings = (scope.getBindings()[name] ?? []) as ASTPath[];
      if (scope.node === (statement as Node).scope?.node && bindings.some((binding) => !((binding.node as Node).start < start))) {
        return MESSAGES.notBefore(text);
      }
      if (getBindingReferences(ctx.j, ctx.root, site, name).some(isWrittenIdentifier)) return MESSAGES.signalReassigned(text);
    }
    return undefined;
  };
  for (const source of sources) {
    if (source.kind === 'timeout') continue;
    const text = source.kind === 'signal' ? source.text : source.iterable;
    const problem = check(text, parseExpression(ctx.j, text), statement);
    if (problem) return problem;
  }
  return ms ? check(getNodeText(ms) as string, ms, statement) : undefined;
}

/** Names an expression reads through bindings (`options` in `options.signal`, not `signal`). */
function getReferencedNames(ctx: TransformContext, node: Node | undefined): string[] {
  if (!node) return [];
  const names = new Set<string>();
  ctx.j(node).find(ctx.j.Identifier).forEach((path) => {
    if (isReferenceIdentifier(path)) names.add(path.node.name);
  });
  // `j(node)` does not visit the root node itself.
  if (node.type === 'Identifier') names.add(node.name);
  return [...names];
}

/** True when a statement between the controller and the last setup statement may await. */
function hasAwaitBefore(statement: ASTPath, list: Node[], setup: readonly ASTPath[]): boolean {
  const from = list.indexOf(statement.node);
  const to = Math.max(...setup.map((path) => list.indexOf(path.node)));
  return list.slice(from + 1, to).some((node) => containsAwait(node));
}

function containsAwait(node: Node): boolean {
  if (!node || typeof node !== 'object') return false;
  if (node.type === 'AwaitExpression' || node.type === 'YieldExpression' || (node.type === 'ForOfStatement' && node.await)) return true;
  if (node.type === 'VariableDeclaration' && node.kind === 'await using') return true;
  if (isFunctionNode(node) || node.type === 'ArrowFunctionExpression') return false;
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'tokens' || key === 'comments' || key === 'original') continue;
    const value = node[key];
    if (Array.isArray(value) ? value.some(containsAwait) : value && typeof value === 'object' && containsAwait(value)) return true;
  }
  return false;
}

/** A followed expression or a watched target: only a known AbortSignal (see classifySignalExpression). */
function isSignalExpression(ctx: TransformContext, site: ASTPath, node: Node): boolean {
  return classifySignalExpression(ctx, site, node).kind === 'signal';
}

function isOptionalChain(node: Node): boolean {
  for (let current = node; current; current = current.callee ?? current.object) {
    if (current.optional) return true;
    if (!['OptionalCallExpression', 'OptionalMemberExpression', 'CallExpression', 'MemberExpression'].includes(current.type)) return false;
  }
  return false;
}

/** `options?.signal` and `options.signal` name the same signal once the code made sure it exists. */
function normalizeChain(text: string): string {
  return text.replace(/\?\./g, '.');
}

function getSourceKey(source: Source): string {
  if (source.kind === 'signal') return source.text;
  if (source.kind === 'each') return `...${source.iterable}`;
  return 'timeout';
}

/** `AbortSignal.any([...])` text for the sources, or why it cannot be written for this target. */
function buildAnyText(ctx: TransformContext, site: ASTPath, sources: readonly Source[]): { kind: 'ok'; text: string } | { kind: 'unsupported'; reason: string } {
  const support = getFeatureSupport(ctx.options, 'AbortSignal.any');
  if (!support.supported) return { kind: 'unsupported', reason: support.reason as string };
  const [only] = sources;
  // Node's AbortSignal.any takes arrays only (it throws on other iterables): spread the rest.
  if (sources.length === 1 && only?.kind === 'each' && only.isArray) return { kind: 'ok', text: `AbortSignal.any(${only.iterable})` };
  const elements: string[] = [];
  // The timer last, as in `AbortSignal.any([signal, AbortSignal.timeout(ms)])` elsewhere.
  for (const source of [...sources].sort((a, b) => Number(a.kind === 'timeout') - Number(b.kind === 'timeout'))) {
    // AbortSignal.any throws on undefined: a signal that may be missing joins only when present.
    if (source.kind === 'signal') elements.push(source.test ? `...(${source.test} ? [${source.text}] : [])` : source.text);
    if (source.kind === 'each') elements.push(`...${source.iterable}`);
    if (source.kind === 'timeout') {
      const timeout = buildTimeoutSignalText(site, ctx.options, source.ms);
      if (timeout.kind === 'unsupported') return timeout;
      elements.push(timeout.text);
    }
  }
  return { kind: 'ok', text: `AbortSignal.any([${elements.join(', ')}])` };
}

function link(ctx: TransformContext, controller: LinkedController, anyText: string): void {
  const { j } = ctx;
  const declarator = controller.declarator.node as Node;
  const oldName = declarator.id.name as string;
  const signals = controller.sources.map((source) => (source.kind === 'timeout' ? `a timer (${source.ms} ms)` : source.kind === 'each' ? `each of ${source.iterable}` : source.text));
  ctx.edit(controller.declarator, MESSAGES.linked(oldName, signals.join(', ')));
  // The edits apart from the declaration are diff hunks of their own: each is named.
  const declaration = controller.declarator.parentPath?.parentPath?.node as Node;
  for (const removal of controller.removals) {
    if (isAwayFrom(removal.node, declaration)) ctx.consequence(removal, MESSAGES.linkRemoved);
  }
  const readsApart = controller.signalReads.map((read) => read.node as Node).filter((node) => isAwayFrom(node, declaration));
  for (const removal of controller.removals) removeStatement(removal);
  // Named once the old reads are gone: `controller.signal` must not make `signal` look taken.
  const reads = controller.signalReads.map((read) => {
    const identifier = j.identifier(oldName);
    read.replace(identifier);
    return { identifier, parent: read.parentPath?.node as Node };
  });
  declarator.id = j.identifier(oldName);
  const name = getFreeName(ctx, ['signal', 'linkedSignal']);
  declarator.id.name = name;
  for (const { identifier, parent } of reads) {
    identifier.name = name;
    // `{ signal: signal }` reads better as `{ signal }`.
    if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property') && parent.value === identifier && !parent.computed && parent.key.name === name) {
      parent.shorthand = true;
    }
  }
  for (const read of readsApart) ctx.consequence(read, MESSAGES.signalRead(name));
  declarator.init = parseExpression(j, anyText);
  // Nothing reassigns it (or it would have been left alone).
  if (declaration?.kind === 'let' && declaration.declarations.length === 1) declaration.kind = 'const';
}

/**
 * The first candidate (then `last2`, ...) that names no binding and no variable read anywhere in
 * the file. Unlike getUnusedName, property names (`options.signal`, `{ signal: x }`) do not count:
 * they cannot clash with a variable.
 */
function getFreeName(ctx: TransformContext, candidates: readonly string[]): string {
  const used = new Set<string>();
  ctx.index.find(ctx.j.Identifier).forEach((path) => {
    if (isReferenceIdentifier(path)) used.add(path.node.name);
  });
  for (const candidate of candidates) if (!used.has(candidate)) return candidate;
  const last = candidates[candidates.length - 1] as string;
  for (let n = 2; ; n++) if (!used.has(`${last}${n}`)) return `${last}${n}`;
}

/**
 * Prunes a statement. A `finally` left empty goes; a `try` left with neither `catch` nor
 * `finally` is replaced by its block's statements.
 */
function removeStatement(path: ASTPath): void {
  const block = path.parentPath?.parentPath as ASTPath;
  path.prune();
  const tryPath = block?.parentPath as ASTPath;
  const tryNode = tryPath?.node as Node;
  if (tryNode?.type !== 'TryStatement' || tryNode.finalizer !== block.node || (block.node as Node).body.length > 0) return;
  tryNode.finalizer = null;
  if (tryNode.handler) return;
  const list = tryPath.parentPath?.value;
  if (!Array.isArray(list)) return;
  // Its statements join the surrounding block unless a name they declare could clash there;
  // then the block stays a block.
  if (canUnwrap(tryPath, list)) list.splice(list.indexOf(tryNode), 1, ...tryNode.block.body);
  else tryPath.replace(tryNode.block);
}

/**
 * True when the names the `try` block declares at its top level are declared nowhere else in the
 * function (ast-types puts block-scoped names in the function's scope), and the `try` is the
 * last statement of its block, so no later statement starts seeing them.
 */
function canUnwrap(tryPath: ASTPath, list: Node[]): boolean {
  const block = (tryPath.node as Node).block;
  const names = block.body.flatMap((statement: Node) => getDeclaredNames(statement));
  if (names.length === 0) return true;
  if (list[list.length - 1] !== tryPath.node) return false;
  const scope = (tryPath as Node).scope;
  return names.every((name: string) => (scope?.lookup(name)?.getBindings()[name] ?? []).length === 1);
}

function getDeclaredNames(statement: Node): string[] {
  if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) return [statement.id.name];
  if (statement.type !== 'VariableDeclaration') return [];
  const names: string[] = [];
  const collect = (pattern: Node): void => {
    if (!pattern) return;
    if (pattern.type === 'Identifier') names.push(pattern.name);
    else if (pattern.type === 'ObjectPattern') pattern.properties.forEach((property: Node) => collect(property.value ?? property.argument));
    else if (pattern.type === 'ArrayPattern') pattern.elements.forEach(collect);
    else if (pattern.type === 'AssignmentPattern') collect(pattern.left);
    else if (pattern.type === 'RestElement') collect(pattern.argument);
  };
  for (const declarator of statement.declarations) collect(declarator.id);
  return names;
}

// ---------------------------------------------------------------------------------------------
// Listener hygiene
// ---------------------------------------------------------------------------------------------

/**
 * `signal.addEventListener('abort', fn)` on a signal that outlives the function (its parameter,
 * or a module-level one) with no matching removeEventListener. When a `try ... finally` around or
 * after it marks the operation the listener belongs to, the listener is removed in `finally`;
 * otherwise it is reported. `{ once: true }` is no fix: 'abort' fires at most once, and the leak
 * is the listener staying attached while the signal lives on without aborting.
 */
function removeLeakingListeners(ctx: TransformContext): void {
  const { j } = ctx;
  // ast-types counts an OptionalCallExpression as a CallExpression too: each call once.
  const calls = dedupe([...ctx.index.find(j.CallExpression), ...ctx.index.find(j.OptionalCallExpression)]);
  calls.forEach((path) => {
    const call = path.node as Node;
    const callee = call.callee;
    if (!isMember(callee) || callee.computed || callee.property.name !== 'addEventListener') return;
    if (!isAbortEventName(call.arguments[0]) || call.arguments.length < 2 || call.arguments.length > 3) return;
    const target = callee.object;
    const targetText = getNodeText(target);
    if (!targetText || !outlivesFunction(path, target) || !isSignalExpression(ctx, path, target)) return;
    const listener = call.arguments[1];
    const options = getListenerOptions(call.arguments[2]);
    if (options.kind === 'unknown') return ctx.manual(path, MESSAGES.optionsUnknown(targetText), LISTENER_RULE);
    // A `signal` option already removes it when that signal aborts: the code chose its lifetime.
    if (options.signal) return;
    // First: a listener that removes itself would look like one removed with the wrong function.
    const hazard = getListenerHazard(getListenerFunction(path, listener));
    if (hazard) return ctx.manual(path, MESSAGES.hazard(targetText, hazard), LISTENER_RULE);
    const removal = getRemoval(ctx, path, targetText, listener, options.capture);
    if (removal === 'matching') return;
    if (removal === 'mismatch') return ctx.manual(path, MESSAGES.removalMismatch(targetText), LISTENER_RULE);
    if (removal === 'capture-mismatch') return ctx.manual(path, MESSAGES.captureMismatch(targetText), LISTENER_RULE);
    if (removeWhenSettled(ctx, path, targetText, listener, options)) return;
    // `{ once: true }` written by hand: the code says how long the listener lives.
    if (options.once) return;
    ctx.manual(path, MESSAGES.neverRemoved(targetText), LISTENER_RULE);
  });
}

/** What the third argument of addEventListener/removeEventListener says, when it can be read. */
type ListenerOptions =
  | { readonly kind: 'known'; readonly capture: boolean; readonly once: boolean; readonly signal: boolean }
  | { readonly kind: 'unknown' };

/**
 * `true`/`false` (capture), or an object literal of `capture`, `once`, `passive` with boolean
 * literals and `signal` with anything. A variable, a spread or another key: unknown.
 */
function getListenerOptions(options: Node | undefined): ListenerOptions {
  if (!options) return { kind: 'known', capture: false, once: false, signal: false };
  if (isBooleanLiteral(options)) return { kind: 'known', capture: options.value, once: false, signal: false };
  if (options.type !== 'ObjectExpression') return { kind: 'unknown' };
  // A `signal` option decides the listener's lifetime, whatever else the object holds.
  if (options.properties.some((property: Node) => !property.computed && (property.key?.name ?? property.key?.value) === 'signal')) {
    return { kind: 'known', capture: false, once: false, signal: true };
  }
  const flags: Record<string, boolean> = {};
  for (const property of options.properties as Node[]) {
    const key = property.key?.name ?? property.key?.value;
    if ((property.type !== 'ObjectProperty' && property.type !== 'Property') || property.computed) return { kind: 'unknown' };
    if (['capture', 'once', 'passive'].includes(key) && isBooleanLiteral(property.value)) flags[key] = property.value.value;
    else return { kind: 'unknown' };
  }
  return { kind: 'known', capture: flags.capture === true, once: flags.once === true, signal: false };
}

function isBooleanLiteral(node: Node): boolean {
  return node?.type === 'BooleanLiteral' || (node?.type === 'Literal' && typeof node.value === 'boolean');
}

/**
 * Listeners whose shape a rewrite must not assume: a generator function (calling it only creates
 * a generator, so its body never runs), a named function expression that refers to itself (it
 * removes or re-adds itself), a `function` that reads `this` (the signal it was added to).
 */
function getListenerHazard(fn: Node | undefined): keyof typeof HAZARDS | undefined {
  if (!fn) return undefined;
  if (fn.generator) return 'generator';
  if (fn.type === 'FunctionExpression' && fn.id && mentions(fn.body, fn.id.name)) return 'selfReference';
  if (fn.type !== 'ArrowFunctionExpression' && usesThis(fn.body)) return 'this';
  return undefined;
}

const HAZARDS = {
  generator: 'the listener is a generator function, whose body never runs when the signal calls it',
  selfReference: 'the listener refers to itself by its own name',
  this: 'the listener reads `this`, the signal it is called on',
} as const;

/** True when `node` reads `this` of its own function (arrows see it; nested functions have their own). */
function usesThis(node: Node): boolean {
  if (!node || typeof node !== 'object') return false;
  if (node.type === 'ThisExpression') return true;
  if (isFunctionNode(node) && node.type !== 'ArrowFunctionExpression') return false;
  return Object.keys(node).some((key) => {
    if (key === 'loc' || key === 'tokens' || key === 'comments' || key === 'original') return false;
    const value = node[key];
    return Array.isArray(value) ? value.some(usesThis) : value && typeof value === 'object' && usesThis(value);
  });
}

/**
 * The listener is added by a statement of a `try` block with a `finally`, or before such a `try`,
 * and that `finally` disposes of something the listener acts on (`stream.destroy()` in the
 * listener, `stream.close()` in `finally`): the operation is over when `finally` runs, and so is
 * the listener's job. A listener that touches nothing `finally` does (`server.close()` for a
 * server that keeps running) may be meant to outlive the `try`, and gets `{ once: true }`. A listener
 * passed by name is removed there with removeEventListener; an inline one gets an AbortController
 * of its own, passed as its `signal` option and aborted in `finally`. False when the code has no
 * such shape (the caller falls back to `{ once: true }`).
 */
function removeWhenSettled(ctx: TransformContext, callPath: ASTPath, target: string, listener: Node, options: ListenerOptions & { kind: 'known' }): boolean {
  const { j } = ctx;
  const statement = getExpressionStatement(callPath);
  const list = statement && getStatementList(statement);
  if (!statement || !list) return false;
  const owner = statement.parentPath?.parentPath as ASTPath;
  const ownerParent = owner?.parentPath?.node as Node;
  let tryNode: Node | undefined;
  let declareIn = list;
  let declareBefore: Node = statement.node;
  if (ownerParent?.type === 'TryStatement' && ownerParent.block === owner.node && ownerParent.finalizer) {
    // Inside `try { ... }`: a declaration there would not be visible in `finally`.
    tryNode = ownerParent;
    const outer = getStatementList(owner.parentPath as ASTPath);
    if (!outer) return false;
    declareIn = outer;
    declareBefore = ownerParent;
  } else {
    const after = list.slice(list.indexOf(statement.node) + 1);
    tryNode = after.find((node) => node.type === 'TryStatement' && node.finalizer);
    if (!tryNode || after.slice(0, after.indexOf(tryNode)).some((node) => node.type === 'ReturnStatement' || node.type === 'ThrowStatement')) return false;
  }
  const finalizer = tryNode.finalizer.body as Node[];
  if (!disposesOfListenerLocal(ctx, callPath, getListenerFunction(callPath, listener), tryNode.finalizer)) return false;
  if (listener.type === 'Identifier') {
    if (getBindingReferences(j, ctx.root, callPath, listener.name).some(isWrittenIdentifier)) return false;
    const access = (callPath.node as Node).callee.optional ? '?.' : '.';
    // A listener added for the capture phase is only removed with the same flag.
    const capture = options.capture ? ', true' : '';
    const removal = `${target}${access}removeEventListener('abort', ${listener.name}${capture});`;
    finalizer.unshift(parseStatement(j, removal));
    ctx.edit(callPath, MESSAGES.removeInFinally(target), LISTENER_RULE);
    if (isAwayFrom(tryNode.finalizer, callPath.node)) ctx.consequence(tryNode.finalizer, MESSAGES.cleanupAdded(removal));
    return true;
  }
  if (!isFunctionNode(listener) || !isGlobalReference(callPath, 'AbortController')) return false;
  const name = getFreeName(ctx, ['listenerController']);
  const args = (callPath.node as Node).arguments as Node[];
  const withSignal = buildOptionsWithSignal(args[2], `${name}.signal`);
  if (withSignal === undefined) return false;
  declareIn.splice(declareIn.indexOf(declareBefore), 0, parseStatement(j, `const ${name} = new AbortController();`));
  args[2] = parseExpression(j, withSignal);
  finalizer.unshift(parseStatement(j, `${name}.abort();`));
  ctx.edit(callPath, MESSAGES.removeInFinally(target), LISTENER_RULE);
  if (declareBefore !== statement.node) ctx.consequence(declareBefore, MESSAGES.listenerControllerAdded(name));
  if (isAwayFrom(tryNode.finalizer, callPath.node)) ctx.consequence(tryNode.finalizer, MESSAGES.cleanupAdded(`${name}.abort();`));
  return true;
}

/** The listener's options with `signal` added: `true` (capture) becomes `{ capture: true, signal }`. */
function buildOptionsWithSignal(options: Node | undefined, signal: string): string | undefined {
  if (!options) return `{ signal: ${signal} }`;
  if (isBooleanLiteral(options)) return options.value ? `{ capture: true, signal: ${signal} }` : `{ signal: ${signal} }`;
  return buildObjectWithProperty(options, `signal: ${signal}`);
}

/** The function a listener runs: inline, or declared in the same function under the name passed. */
function getListenerFunction(callPath: ASTPath, listener: Node): Node | undefined {
  if (isFunctionNode(listener)) return listener;
  if (listener.type !== 'Identifier') return undefined;
  const scope = (callPath as Node).scope?.lookup(listener.name);
  const bindings = (scope?.getBindings()[listener.name] ?? []) as ASTPath[];
  if (bindings.length !== 1) return undefined;
  const parent = (bindings[0] as ASTPath).parentPath?.node as Node;
  if (parent?.type === 'VariableDeclarator' && parent.init && isFunctionNode(parent.init)) return parent.init;
  return parent?.type === 'FunctionDeclaration' ? parent : undefined;
}

/**
 * True when `block` disposes of a variable (local to the functions around `site`) that `listener`
 * uses: `stream.close()`, `client.destroy()`, `clearTimeout(timer)`. Merely using the same
 * variable is not enough: `finally { log(server.address()) }` does not end the server's life.
 */
function disposesOfListenerLocal(ctx: TransformContext, site: ASTPath, listener: Node | undefined, block: Node): boolean {
  if (!listener) return false;
  const disposed = new Set<string>();
  ctx.j(block).find(ctx.j.CallExpression).forEach((path) => {
    const { callee, arguments: args } = path.node as Node;
    const isMember = callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier';
    if (isMember && DISPOSE_METHODS.test(callee.property.name)) disposed.add(callee.object.name);
    if (callee.type === 'Identifier' && /^clear(Timeout|Interval|Immediate)$/.test(callee.name) && args[0]?.type === 'Identifier') disposed.add(args[0].name);
  });
  const functions = new Set(getEnclosingFunctions(site).map((path) => path.node));
  return getReferencedNames(ctx, listener.body).some((name) => {
    if (!disposed.has(name)) return false;
    const scope = (site as Node).scope?.lookup(name);
    return scope !== undefined && scope !== null && functions.has(scope.node);
  });
}

const DISPOSE_METHODS = /^(close|destroy|end|release|dispose|disconnect|terminate|kill|abort|cancel|stop|unsubscribe|unref)$/;

/** A parameter of an enclosing function (or a property of one), or a module-level binding. */
function outlivesFunction(path: ASTPath, target: Node): boolean {
  const functions = getEnclosingFunctions(path);
  if (functions.length === 0) return false;
  let root = target;
  while (isMember(root) && !root.computed) root = root.object;
  if (root.type !== 'Identifier') return false;
  const scope = (path as Node).scope?.lookup(root.name);
  if (!scope) return false;
  if (scope.isGlobal || scope.node.type === 'Program') return true;
  const fn = functions.find((candidate) => candidate.node === scope.node);
  if (!fn) return false;
  const params = (fn.node as Node).params as Node[];
  return ((scope.getBindings()[root.name] ?? []) as ASTPath[]).every((binding) => params.some((param) => contains(param, binding.node)));
}

function contains(node: Node, target: Node): boolean {
  if (node === target) return true;
  if (!node || typeof node !== 'object') return false;
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'tokens' || key === 'comments' || key === 'original' || key === 'typeAnnotation') continue;
    const value = node[key];
    if (Array.isArray(value) ? value.some((item) => contains(item, target)) : value && typeof value === 'object' && contains(value, target)) return true;
  }
  return false;
}

/**
 * 'matching' when the enclosing function removes this very listener from the same target with
 * the same capture flag; 'capture-mismatch' when it removes it with another flag, which removes
 * nothing; 'mismatch' when it removes some other function (an inline arrow, another name).
 */
function getRemoval(ctx: TransformContext, path: ASTPath, target: string, listener: Node, capture: boolean): 'matching' | 'mismatch' | 'capture-mismatch' | 'none' {
  const [fn] = getEnclosingFunctions(path);
  let result: 'matching' | 'mismatch' | 'capture-mismatch' | 'none' = 'none';
  const scope = ctx.j(fn as ASTPath);
  [...scope.find(ctx.j.CallExpression).paths(), ...scope.find(ctx.j.OptionalCallExpression).paths()].forEach((candidate) => {
    const call = candidate.node as Node;
    const callee = call.callee;
    if (!isMember(callee) || callee.computed || callee.property.name !== 'removeEventListener') return;
    if (!isAbortEventName(call.arguments[0]) || normalizeChain(getNodeText(callee.object) ?? '') !== normalizeChain(target)) return;
    const removed = call.arguments[1];
    const same = listener.type === 'Identifier' ? removed?.type === 'Identifier' && removed.name === listener.name : getNodeText(removed) === getNodeText(listener) && !isFunctionNode(listener);
    const options = getListenerOptions(call.arguments[2]);
    // Options that cannot be read may well carry the right flag: not called a mismatch.
    const sameCapture = options.kind === 'unknown' || options.capture === capture;
    if (same && sameCapture) result = 'matching';
    else if (same && result !== 'matching') result = 'capture-mismatch';
    else if (result === 'none') result = 'mismatch';
  });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Controllers that are not what the rule is about
// ---------------------------------------------------------------------------------------------

/**
 * True when every 'abort' listener that aborts the controller goes again: a named function that
 * a removeEventListener takes off each signal it was added to (with the same capture flag), or a
 * listener added with a `signal` option. False when some abort sits in a listener that stays (an
 * inline function, one never removed, `onabort`, `abort.bind`), or in no listener at all.
 */
function areFollowListenersRemoved(ctx: TransformContext, path: ASTPath, name: string): boolean {
  let listeners = 0;
  for (const reference of getBindingReferences(ctx.j, ctx.root, path, name)) {
    const member = reference.parentPath?.node as Node;
    if (!isMember(member) || member.object !== reference.node || member.computed || member.property.name !== 'abort') continue;
    const callPath = reference.parentPath?.parentPath as ASTPath;
    if ((callPath?.node as Node)?.type !== 'CallExpression' || (callPath.node as Node).callee !== member) return false;
    const [fnPath] = getEnclosingFunctions(callPath);
    if (!fnPath) continue;
    const assignment = getParentNodePath(fnPath)?.node as Node;
    if (assignment?.type === 'AssignmentExpression' && assignment.right === fnPath.node) return false;
    const found = getListenerRegistrations(ctx, fnPath);
    if (!found) continue;
    listeners += 1;
    for (const registration of found.registrations) {
      const options = getListenerOptions(registration.options);
      if (options.kind === 'known' && options.signal) continue;
      if (!found.declaration || options.kind === 'unknown') return false;
      const target = normalizeChain(getNodeText(registration.target) ?? '');
      const removed = found.others.some((other) => {
        const removal = getRegistration(other, 'removeEventListener');
        if (!removal || normalizeChain(getNodeText(removal.target) ?? '') !== target) return false;
        const flags = getListenerOptions(removal.options);
        return flags.kind === 'unknown' || flags.capture === options.capture;
      });
      if (!removed) return false;
    }
  }
  return listeners > 0;
}

/**
 * True when the code at `path` runs only where `AbortSignal.any` is missing: in the branch of an
 * `if` (or `?:`) whose test says so (`typeof AbortSignal.any !== 'function'`, `!AbortSignal.any`,
 * or the `else` of the opposite test), or after an `if` of the opposite test that returns or throws.
 */
function isAnySignalFallback(path: ASTPath): boolean {
  for (let child = path, parent = path.parentPath as ASTPath | null; parent; child = parent, parent = parent.parentPath) {
    const value = parent.value as Node;
    if (Array.isArray(value)) {
      const before = value.slice(0, Math.max(0, value.indexOf(child.value)));
      if (before.some((node: Node) => node?.type === 'IfStatement' && !node.alternate && getAnySupportTest(node.test) === 'present' && exits(node.consequent))) return true;
      continue;
    }
    if (value?.type !== 'IfStatement' && value?.type !== 'ConditionalExpression') continue;
    const test = getAnySupportTest(value.test);
    if ((test === 'absent' && child.value === value.consequent) || (test === 'present' && child.value === value.alternate)) return true;
  }
  return false;
}

/** What a test says about `AbortSignal.any`: present when true, absent when true, or nothing. */
function getAnySupportTest(test: Node): 'present' | 'absent' | undefined {
  if (test?.type === 'UnaryExpression' && test.operator === '!') {
    const inner = getAnySupportTest(test.argument);
    return inner === 'present' ? 'absent' : inner === 'absent' ? 'present' : undefined;
  }
  if (isAnyMember(test)) return 'present';
  if (test?.type === 'BinaryExpression' && test.operator === 'in') {
    const key = test.left;
    const isAny = (key?.type === 'StringLiteral' || key?.type === 'Literal') && key.value === 'any';
    return isAny && test.right?.type === 'Identifier' && test.right.name === 'AbortSignal' ? 'present' : undefined;
  }
  if (test?.type !== 'BinaryExpression' || !['===', '==', '!==', '!='].includes(test.operator)) return undefined;
  const isTypeof = (node: Node) => node?.type === 'UnaryExpression' && node.operator === 'typeof' && isAnyMember(node.argument);
  const [typeofSide, other] = isTypeof(test.left) ? [test.left, test.right] : isTypeof(test.right) ? [test.right, test.left] : [];
  if (!typeofSide || (other?.type !== 'StringLiteral' && other?.type !== 'Literal')) return undefined;
  const equal = test.operator === '===' || test.operator === '==';
  if (other.value === 'function') return equal ? 'present' : 'absent';
  if (other.value === 'undefined') return equal ? 'absent' : 'present';
  return undefined;
}

function isAnyMember(node: Node): boolean {
  return isMember(node) && !node.computed && node.object?.type === 'Identifier' && node.object.name === 'AbortSignal' && node.property?.name === 'any';
}

/** A `return` or `throw`, or a block that ends with one. */
function exits(node: Node): boolean {
  if (node?.type === 'ReturnStatement' || node?.type === 'ThrowStatement') return true;
  return node?.type === 'BlockStatement' && exits(node.body[node.body.length - 1]);
}

// ---------------------------------------------------------------------------------------------
// Small AST helpers
// ---------------------------------------------------------------------------------------------

/** The statement list a statement sits in directly (a block, the program, a `case`), if any. */
function getStatementList(statement: ASTPath | undefined): Node[] | undefined {
  const list = statement?.parentPath?.value;
  if (!Array.isArray(list)) return undefined;
  const owner = statement?.parentPath?.parentPath?.node as Node;
  return ['BlockStatement', 'Program', 'SwitchCase', 'StaticBlock'].includes(owner?.type) ? list : undefined;
}

function isMember(node: Node): boolean {
  return node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression';
}

/** The path of the node that holds `path`, past the array paths of lists (`arguments`, `body`). */
function getParentNodePath(path: ASTPath): ASTPath | undefined {
  let parent = path.parentPath as ASTPath | null;
  while (parent && Array.isArray(parent.value)) parent = parent.parentPath;
  return parent ?? undefined;
}

/** A statement that sits in a list, so that pruning it leaves valid code. */
function isInList(statement: ASTPath): boolean {
  return Array.isArray(statement.parentPath?.value);
}

/** The expression statement whose whole expression is the node at `path`. */
function getExpressionStatement(path: ASTPath): ASTPath | undefined {
  const parent = path.parentPath?.node as Node;
  return parent?.type === 'ExpressionStatement' && parent.expression === path.node ? (path.parentPath as ASTPath) : undefined;
}

/** The expression of an arrow's expression body or of a block holding one expression statement. */
function getOnlyExpression(body: Node): Node | undefined {
  if (body.type !== 'BlockStatement') return body;
  if (body.body.length !== 1) return undefined;
  const statement = body.body[0];
  return statement.type === 'ExpressionStatement' ? statement.expression : undefined;
}

function dedupe(paths: readonly ASTPath[]): ASTPath[] {
  const seen = new Set<Node>();
  return paths.filter((path) => (seen.has(path.node) ? false : (seen.add(path.node), true)));
}
