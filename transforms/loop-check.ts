import type { ASTPath } from 'jscodeshift';
import { getAbortListeners } from '../src/ast/get-abort-listeners.ts';
import { getCallerSignal } from '../src/ast/get-caller-signal.ts';
import { getAbortContract } from '../src/ast/get-abort-contract.ts';
import { getEnclosingFunctions, getEnclosingFunctionsUpTo, isFunctionNode } from '../src/ast/get-enclosing-functions.ts';
import { getBindingReferences } from '../src/ast/get-references.ts';
import { getSignalHolders, isSignalRead, mentionsSignal, type SignalHolders } from '../src/ast/get-signal-holders.ts';
import { mentions } from '../src/ast/mentions.ts';
import { parseStatement } from '../src/ast/parse-snippet.ts';
import { walkOwnNodes } from '../src/ast/walk-own-nodes.ts';
import { createJscodeshiftTransform } from '../src/engine/adapter.ts';
import { getFeatureSupport } from '../src/runtime/features.ts';
import { mayHaveSignal, type SignalInScope } from '../src/scope/get-signal-in-scope.ts';
import type { TransformContext, TransformMeta } from '../src/types.ts';

type Node = any;

export const meta: TransformMeta = {
  name: 'loop-check',
  description: 'Add signal.throwIfAborted() at the top of awaiting loops in async functions with a signal in scope',
  // A loop is only checked with a signal in scope.
  // Whole keywords: `for` inside `format` or `before`, `await` inside `awaited`, is no loop or await.
  mayApply: (source, hints) => mayHaveSignal(source, hints) && /\bawait\b/.test(source) && /\b(for|while)\b/.test(source),
  rule: 'loop-without-check',
  behaviourChange: 'an aborted loop throws signal.reason at its next iteration instead of running to its end',
};

const MESSAGES = {
  check: (statement: string) => `loop awaits without looking at the signal: added \`${statement}\``,
  unsupported: (signal: string, reason: string) =>
    `loop awaits without looking at the signal, but no check was added: ${reason}; test ${signal}.aborted by hand`,
  detached: (signal: string) =>
    `loop awaits without looking at the signal, but no check was added: it runs in a function called on the spot whose promise nobody awaits, where a throw would be an unhandled rejection; stop it on ${signal} by hand`,
  dropped: (signal: string, name: string) =>
    `loop awaits without looking at the signal, but no check was added: it runs in ${name}(), whose every call drops its promise, where a throw would be an unhandled rejection; stop it on ${signal} by hand`,
  helper: (signal: string, helper: string) =>
    `loop awaits without looking at the signal, but no check was added: ${signal} is handed to ${helper}(), which may end the loop its own way; if it does not, test ${signal}.aborted by hand`,
  drain: (signal: string) =>
    `loop awaits without looking at the signal, but no check was added: its body is empty, so it only drains what it awaits, which ends or fails when its source does; if that source does not stop on abort, test ${signal}.aborted by hand`,
  cancelEvent: (signal: string, event: string) =>
    `loop awaits without looking at the signal, but no check was added: it handles the stream's own cancellation event (${event}), which a check would pre-empt; if that event does not come on abort of ${signal}, test ${signal}.aborted by hand`,
  signalledSource: (signal: string, callee: string) =>
    `loop awaits without looking at the signal, but no check was added: it reads what ${callee} made with ${signal}, which ends or fails when ${signal} aborts; if it does not, test ${signal}.aborted by hand`,
  ownHandling: (signal: string, line: number) =>
    `loop awaits without looking at the signal, but no check was added: the code handles an abort of ${signal} itself (line ${line}); a check here would throw before that code runs`,
  listener: (signal: string) =>
    `loop awaits without looking at the signal, but no check was added: an abort listener on ${signal} may already end it; if it does not, test ${signal}.aborted by hand`,
} as const;

/** What a loop reads of a signal derived from the caller's when it looks at it. */
const CHECKS = new Set(['aborted', 'throwIfAborted']);

const LOOP_TYPES = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

/** What to do with one loop: add a check with the caller's signal, or report why not. */
type LoopDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'check'; readonly path: ASTPath; readonly signal: SignalInScope }
  | { readonly kind: 'manual'; readonly path: ASTPath; readonly message: string; readonly handled?: boolean };

const NONE: LoopDecision = { kind: 'none' };

export function transform(ctx: TransformContext): void {
  // Decide for every loop first, then edit: a check added to an inner loop must not change
  // what the outer loop is judged on, or a second run would differ from the first.
  const decisions: LoopDecision[] = [];
  ctx.index.find(ctx.j.Node).forEach((path) => {
    if (LOOP_TYPES.has((path.node as Node).type)) decisions.push(classifyLoop(ctx, path as ASTPath));
  });
  for (const decision of decisions) {
    if (decision.kind === 'none') continue;
    if (decision.kind === 'manual') {
      (decision.handled ? ctx.handled : ctx.manual)(decision.path, decision.message);
      continue;
    }
    const check = getCheckText(ctx, decision.signal);
    if (check.kind === 'unsupported') {
      ctx.manual(decision.path, MESSAGES.unsupported(decision.signal.expression, check.reason));
      continue;
    }
    insertFirst(ctx, decision.path, check.text);
    ctx.edit(decision.path, MESSAGES.check(check.text));
  }
}

export default createJscodeshiftTransform({ meta, transform });

/**
 * A check goes in only when it is the one thing that stops the loop on abort: the signal is the
 * caller's (a controller the function owns is aborted when the function means it, often right
 * before draining a stream), the loop does not read it, something the loop awaits does not get
 * it, and no abort listener of the function ends the loop another way. Otherwise an abort that
 * used to end the loop quietly would throw.
 */
function classifyLoop(ctx: TransformContext, path: ASTPath): LoopDecision {
  const loop = path.node as Node;
  const [functionPath] = getEnclosingFunctions(path);
  if (!functionPath || !(functionPath.node as Node).async) return NONE;
  const isForAwait = loop.type === 'ForOfStatement' && loop.await;
  if (!isForAwait && !awaitsEachIteration(loop)) return NONE;
  const signal = getCallerSignal(ctx.j, ctx.root, path);
  if (!signal) return NONE;
  if (isDetachedCall(functionPath)) return { kind: 'manual', path, message: MESSAGES.detached(signal.expression) };
  const dropped = getAlwaysDroppedName(ctx, functionPath, signal.functionPath);
  if (dropped !== undefined) return { kind: 'manual', path, message: MESSAGES.dropped(signal.expression, dropped) };
  const holders = getSignalHolders(ctx.j, signal.functionPath, signal);
  // `for await (const x of on(emitter, 'data', { signal }))`: the iterator already stops on abort.
  // `for await (const line of lines())` or `fetch(url, init())`, where `lines` and `init` are
  // closures that read the signal: the loop reacts to abort through them.
  const closures = getClosuresReadingSignal(ctx, signal, holders);
  if (looksAtSignal(loop, undefined, signal, holders, loop, closures)) return NONE;
  if (getAwaited(loop).every((awaited) => mentionsSignal(awaited, signal, holders))) return NONE;
  if (abortsBefore(functionPath, loop)) return NONE;
  // `while (!(await reader.read()).done) {}`: a drain, whose one job is to keep reading.
  if (isDrain(loop)) return { kind: 'manual', path, message: MESSAGES.drain(signal.expression), handled: true };
  // `for await (const event of stream) { switch (event.type) { case EventType.UserCancelled: ... } }`.
  const cancelEvent = isForAwait ? getCancelEventName(loop) : undefined;
  if (cancelEvent !== undefined) return { kind: 'manual', path, message: MESSAGES.cancelEvent(signal.expression, cancelEvent), handled: true };
  // `const stream = await api.stream(req, signal); for await (const chunk of stream)`.
  const source = isForAwait ? getSignalledSource(path, signal, holders) : undefined;
  if (source !== undefined) return { kind: 'manual', path, message: MESSAGES.signalledSource(signal.expression, source), handled: true };
  // `if (signal.aborted) { await proc.kill(); throw signal.reason }` in a loop around this one.
  const contract = getAbortContract(path, signal);
  if (contract.kind !== 'none' && contract.kind !== 'error-mapping' && contract.kind !== 'error-swallowed') return { kind: 'manual', path, message: MESSAGES.ownHandling(signal.expression, contract.line), handled: true };
  // `this._listenForAbort(options?.signal)`: a helper given the signal, whose result is dropped,
  // sets up a reaction to abort out of sight (aborting a controller the loop's stream reads);
  // so does `connect({ signal, onAbort: finish })`, given code to run on abort.
  const helper = getSignalHelper(ctx, path, loop, signal, holders);
  // Noted for review, not a check finding: the code hands the signal to something that reacts to it.
  if (helper !== undefined) return { kind: 'manual', path, message: MESSAGES.helper(signal.expression, helper), handled: true };
  // `try { for (...) await stat(f) } catch { return fallback }`: the check's throw would be taken for a failure.
  const check: LoopDecision = contract.kind === 'error-swallowed' ? { kind: 'manual', path, message: MESSAGES.unsupported(signal.expression, contract.reason), handled: true } : { kind: 'check', path, signal };
  const listeners = getAbortListeners(ctx.j, signal.functionPath, signal, holders.aliases);
  if (listeners.length === 0) return check;
  // `signal.addEventListener('abort', () => reader.cancel())` while the loop reads `reader`.
  // `addEventListener('abort', cancelOnAbort)`: the names of the local function it names.
  const localFunctions = getLocalFunctions(ctx, signal.functionPath);
  const endsLoop = (listener: Node) =>
    getNames((listener.type === 'Identifier' ? localFunctions.get(listener.name) : undefined) ?? listener).some((name) => !isSignalName(name, signal, holders) && mentions(loop, name));
  return listeners.some(endsLoop) ? NONE : { kind: 'manual', path, message: MESSAGES.listener(signal.expression) };
}

/**
 * The body, the test (`while (await queue.more())`) and the update run on every iteration; the
 * `for` init and the iterated expression of `for...of` run once.
 */
function awaitsEachIteration(loop: Node): boolean {
  return [loop.body, loop.test, loop.update].some(awaitsOutsideNestedScopes);
}

/**
 * True when `node` awaits in the loop's own iterations: not inside a nested function (which
 * awaits on its own schedule) and not inside a nested loop that awaits (which gets a check of its
 * own, so the outer loop's iterations are covered only if it awaits itself).
 */
function awaitsOutsideNestedScopes(node: Node): boolean {
  if (!node || typeof node !== 'object') return false;
  if (node.type === 'AwaitExpression') return true;
  if (node.type === 'ForOfStatement' && node.await) return false;
  if (isFunctionNode(node) || node.type === 'ClassBody') return false;
  if (LOOP_TYPES.has(node.type)) return false;
  return someChild(node, awaitsOutsideNestedScopes);
}

/**
 * Any read of the signal in the loop (its head or body, closures included), except inside a
 * nested loop that awaits: that loop is judged, and checked, on its own. A loop that passes the
 * signal (or the bag holding it) to a call or reads `signal.aborted` already reacts to abort in
 * the way its author chose.
 */
function looksAtSignal(node: Node, parent: Node, signal: SignalInScope, holders: SignalHolders, loop: Node, closures: ReadonlySet<string>): boolean {
  if (!node || typeof node !== 'object') return false;
  if (node !== loop && LOOP_TYPES.has(node.type) && (node.await || awaitsEachIteration(node))) return false;
  if (isSignalRead(node, parent, signal, holders.aliases)) return true;
  // `merged.throwIfAborted()`, `merged.aborted`, where `merged = mergeAbortSignals(signal, ms)`.
  if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed && CHECKS.has(node.property.name) && node.object.type === 'Identifier' && holders.carriers.has(node.object.name)) return true;
  if ((node.type === 'CallExpression' || node.type === 'OptionalCallExpression') && node.callee.type === 'Identifier' && closures.has(node.callee.name)) return true;
  return someChild(node, (child) => looksAtSignal(child, node, signal, holders, loop, closures));
}

/**
 * A loop with an empty body over a stream or iterator: `for await (const _ of stream) {}`,
 * `while (!(await reader.read()).done) {}`. Reading is all it does; a loop whose head does other
 * work (`while (await queue.sendNext());`) is no drain.
 */
function isDrain(loop: Node): boolean {
  const body = loop.body;
  if (!(body.type === 'EmptyStatement' || (body.type === 'BlockStatement' && body.body.length === 0))) return false;
  if (loop.type === 'ForOfStatement') return loop.await === true;
  const awaited = getAwaited(loop);
  return awaited.length > 0 && awaited.every((node) => {
    const callee = node?.type === 'CallExpression' ? node.callee : undefined;
    return (callee?.type === 'MemberExpression' || callee?.type === 'OptionalMemberExpression') && !callee.computed && (callee.property.name === 'read' || callee.property.name === 'next');
  });
}

/**
 * The callee of a call given the signal whose result the `for await` loop at `path` reads:
 * `const stream = await this.api.stream(req, signal)`, `const files = globStream(pattern, {
 * signal })`, or through further `const`s made from it (`readline.createInterface({ input:
 * Readable.from(res.data) })`). A response body or an SDK's stream made with the signal ends or
 * fails when it aborts, at the loop's next step, which is where a check would stop it.
 */
function getSignalledSource(path: ASTPath, signal: SignalInScope, holders: SignalHolders): string | undefined {
  const seen = new Set<string>();
  const pending = getReadNames((path.node as Node).right);
  for (let name = pending.shift(); name !== undefined && seen.size < 8; name = pending.shift()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const init = getConstInit(path, name, signal.functionPath);
    if (!init) continue;
    // `await api.stream(req, signal)`, or a stream made on the spot: `globStream(pattern, { signal })`.
    const call = init.type === 'AwaitExpression' ? init.argument : init;
    if (call?.type === 'CallExpression' && call.arguments.some((argument: Node) => mentionsSignal(argument, signal, holders))) return getCalleeName(call.callee);
    if (init.type !== 'AwaitExpression') pending.push(...getReadNames(init));
  }
  return undefined;
}

const CANCEL_EVENT = /cancel|abort/i;

/**
 * The name of a cancellation event the body of a `for await` loop tests its items for (`case
 * EventType.UserCancelled:`, `event.type === 'aborted'`): the stream reports an abort as an item
 * of its own, and the code's answer to it (a message, what is kept) runs when that item comes.
 */
function getCancelEventName(loop: Node): string | undefined {
  let found: string | undefined;
  const nameOf = (node: Node): string | undefined => {
    const name = node?.type === 'StringLiteral' || (node?.type === 'Literal' && typeof node.value === 'string') ? node.value : isMemberNode(node) && !node.computed ? node.property.name : undefined;
    return typeof name === 'string' && CANCEL_EVENT.test(name) ? name : undefined;
  };
  walkOwnNodes(loop.body, (node) => {
    if (found !== undefined) return;
    if (node.type === 'SwitchCase') found = nameOf(node.test);
    else if (node.type === 'BinaryExpression' && ['===', '=='].includes(node.operator)) found = nameOf(node.left) ?? nameOf(node.right);
  });
  return found;
}

function isMemberNode(node: Node): boolean {
  return node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression';
}

/** The identifiers `node` reads as values (not member names or keys), outside nested functions. */
function getReadNames(node: Node): string[] {
  const names: string[] = [];
  walkOwnNodes(node, (child, ancestors) => {
    const parent = ancestors.at(-1);
    if (child.type !== 'Identifier') return;
    if (isMemberNode(parent) && parent.property === child && !parent.computed) return;
    if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property') && parent.key === child && !parent.computed && !parent.shorthand) return;
    names.push(child.name);
  });
  return names;
}

/** The initializer of the `const` that `name` refers to from `path`, when it is declared in `owner` or inside it. */
function getConstInit(path: ASTPath, name: string, owner: ASTPath): Node | undefined {
  const bindings: ASTPath[] = (path as Node).scope?.lookup(name)?.getBindings()[name] ?? [];
  if (bindings.length !== 1) return undefined;
  const declarator = bindings[0]!.parentPath?.node as Node;
  const declaration = bindings[0]!.parentPath?.parentPath?.parentPath?.node as Node;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id !== bindings[0]!.node || declaration?.kind !== 'const') return undefined;
  const ownerNode = owner.node as Node;
  return ownerNode.start <= declarator.start && declarator.end <= ownerNode.end ? declarator.init : undefined;
}

function getCalleeName(callee: Node): string {
  if (callee?.type === 'Identifier') return `${callee.name}()`;
  if (isMemberNode(callee) && !callee.computed) return `${callee.property.name}()`;
  return 'a call';
}

/**
 * What the loop's own iterations wait for: each awaited expression, and for `for await` the
 * iterable, whose every step is awaited.
 */
function getAwaited(loop: Node): Node[] {
  const found: Node[] = loop.type === 'ForOfStatement' && loop.await ? [loop.right] : [];
  const collect = (node: Node): boolean => {
    if (node.type === 'AwaitExpression') found.push(node.argument);
    if (!isFunctionNode(node) && node.type !== 'ClassBody' && !LOOP_TYPES.has(node.type)) someChild(node, collect);
    return false;
  };
  for (const part of [loop.body, loop.test, loop.update]) if (part) collect(part);
  return found;
}

/**
 * The names of functions declared inside the function the signal belongs to (so a name there
 * refers to the same signal) whose body reads that signal: a closure that checks
 * `signal.aborted` or passes the signal on reacts to abort itself, as a call given the signal does.
 */
function getClosuresReadingSignal(ctx: TransformContext, signal: SignalInScope, holders: SignalHolders): Set<string> {
  const names = new Set<string>();
  for (const [name, fn] of getLocalFunctions(ctx, signal.functionPath)) if (mentionsSignal(fn.body, signal, holders)) names.add(name);
  return names;
}

/**
 * A `.abort()` call earlier in the function, outside callbacks: the code aborts on purpose and
 * the loop after it drains what is left (`controller.abort(); for await (const _ of stream) {}`).
 */
function abortsBefore(functionPath: ASTPath, loop: Node): boolean {
  const visit = (node: Node): boolean => {
    if (node === loop || isFunctionNode(node) || !(node.start < loop.start)) return false;
    const callee = node.type === 'CallExpression' || node.type === 'OptionalCallExpression' ? node.callee : undefined;
    const isAbort = (callee?.type === 'MemberExpression' || callee?.type === 'OptionalMemberExpression') && !callee.computed && callee.property.name === 'abort';
    return isAbort || someChild(node, visit);
  };
  return visit((functionPath.node as Node).body);
}

/** `(async () => { ... })();` as a statement: the function's promise is dropped, a rejection goes unhandled. */
function isDetachedCall(functionPath: ASTPath): boolean {
  let callee: ASTPath = functionPath;
  while (callee.parentPath?.node?.type === 'ParenthesizedExpression') callee = callee.parentPath;
  const call = callee.parentPath?.node as Node;
  if ((call?.type !== 'CallExpression' && call?.type !== 'OptionalCallExpression') || call.callee !== callee.node) return false;
  let statement = callee.parentPath?.parentPath;
  // `void (async () => ...)()` drops it as well.
  if (statement?.node?.type === 'UnaryExpression' && (statement.node as Node).operator === 'void') statement = statement.parentPath;
  return statement?.node?.type === 'ExpressionStatement';
}

/**
 * `async function render() { ... }` inside the signal's function, called only as statements
 * (`render(args);`) whose promise nobody keeps: a throw in it is an unhandled rejection, as in a
 * detached call. A name also used otherwise (passed on, awaited) may be handled there.
 */
function getAlwaysDroppedName(ctx: TransformContext, functionPath: ASTPath, scope: ASTPath): string | undefined {
  const fn = functionPath.node as Node;
  const parent = functionPath.parentPath?.node as Node;
  const name = fn.type === 'FunctionDeclaration' ? fn.id?.name : parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier' ? parent.id.name : undefined;
  if (name === undefined || fn === scope.node) return undefined;
  // Resolved from inside the function: its own name, whatever shadows it elsewhere.
  const references = getBindingReferences(ctx.j, ctx.root, functionPath, name);
  const isDroppedCall = (reference: ASTPath) => {
    const call = reference.parentPath?.node as Node;
    if (call?.type !== 'CallExpression' || call.callee !== reference.node) return false;
    const holder = reference.parentPath?.parentPath?.node as Node;
    const statement = holder?.type === 'UnaryExpression' && holder.operator === 'void' ? reference.parentPath?.parentPath?.parentPath?.node : holder;
    return (statement as Node)?.type === 'ExpressionStatement';
  };
  return references.length > 0 && references.every(isDroppedCall) ? name : undefined;
}

/**
 * The callee of a call that is given the signal and either has its result dropped
 * (`this._listenForAbort(signal);`), or is also given a controller made in the function (`const
 * detach = linkAbort(signal, ctrl);`) or code to run (`connect({ signal, onAbort: finish })`):
 * each sets up a reaction to abort out of sight, and the loop may be driven by what it stops.
 * In the loop's own function the call must come before the loop; a function around it may make
 * the call anywhere, as the loop's function runs later (a callback).
 */
function getSignalHelper(ctx: TransformContext, path: ASTPath, loop: Node, signal: SignalInScope, holders: SignalHolders): string | undefined {
  const functions = getEnclosingFunctionsUpTo(path, signal.functionPath);
  const localFunctions = getLocalFunctions(ctx, signal.functionPath);
  for (const [index, fn] of functions.entries()) {
    const found = findHelperCall(fn, index === 0 ? loop : undefined, signal, holders, localFunctions);
    if (found !== undefined) return found;
  }
  return undefined;
}

function findHelperCall(fn: Node, before: Node | undefined, signal: SignalInScope, holders: SignalHolders, localFunctions: ReadonlyMap<string, Node>): string | undefined {
  const controllers = getLocalControllers(fn.body);
  const isCallback = (value: Node) => isFunctionNode(value) || (value.type === 'Identifier' && localFunctions.has(value.name));
  // The arguments, and the properties of an options object literal among them.
  const getInputs = (call: Node): Node[] =>
    call.arguments.flatMap((arg: Node) =>
      arg.type === 'ObjectExpression'
        ? arg.properties.filter((property: Node) => property.type === 'ObjectProperty' || property.type === 'Property').map((property: Node) => property.value)
        : [arg],
    );
  const isHelperCall = (call: Node | undefined, dropped: boolean): boolean => {
    if (call?.type !== 'CallExpression' && call?.type !== 'OptionalCallExpression') return false;
    const inputs = getInputs(call);
    if (!inputs.some((input) => isSignalRead(input, call, signal, holders.aliases))) return false;
    return dropped || inputs.some((input) => (input.type === 'Identifier' && controllers.has(input.name)) || isCallback(input));
  };
  let found: string | undefined;
  walkOwnNodes(fn, (node) => {
    if (found !== undefined || (before !== undefined && !(node.end <= before.start))) return;
    const expression = node.type === 'ExpressionStatement' ? node.expression : undefined;
    // An awaited call is over before the loop: only code or a controller it was given outlives it.
    const call =
      expression?.type === 'AssignmentExpression' ? { node: unwrapAwait(expression.right), dropped: false }
      : expression?.type === 'AwaitExpression' ? { node: expression.argument, dropped: false }
      : expression ? { node: expression, dropped: true }
      : node.type === 'VariableDeclarator' ? { node: unwrapAwait(node.init), dropped: false }
      : undefined;
    if (call && isHelperCall(call.node, call.dropped)) found = getCalleeText(call.node.callee);
  });
  return found;
}

function unwrapAwait(node: Node): Node {
  return node?.type === 'AwaitExpression' ? node.argument : node;
}

/**
 * The functions declared in `scope`'s body, at any depth, by name: `function f() {}`, `const f =
 * () => {}`. Names, not bindings: the first declaration of a name stands for it.
 */
function getLocalFunctions(ctx: TransformContext, scope: ASTPath): Map<string, Node> {
  // Asked for each loop of the function: walked once while the tree is unchanged.
  return ctx.index.memo('loop-check-local-functions', scope.node as object, () => findLocalFunctions(scope), (a, b) => a.size === b.size && [...a].every(([name, fn]) => b.get(name) === fn));
}

function findLocalFunctions(scope: ASTPath): Map<string, Node> {
  const found = new Map<string, Node>();
  const visit = (node: Node): boolean => {
    if (node.type === 'FunctionDeclaration' && node.id && !found.has(node.id.name)) found.set(node.id.name, node);
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init && isFunctionNode(node.init) && !found.has(node.id.name)) found.set(node.id.name, node.init);
    someChild(node, visit);
    return false;
  };
  visit((scope.node as Node).body);
  return found;
}

/** Names bound in `body` (outside nested functions) to `new AbortController()`. */
function getLocalControllers(body: Node): Set<string> {
  const names = new Set<string>();
  const visit = (node: Node): boolean => {
    if (isFunctionNode(node)) return false;
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init?.type === 'NewExpression' && node.init.callee.type === 'Identifier' && node.init.callee.name === 'AbortController') {
      names.add(node.id.name);
    }
    someChild(node, visit);
    return false;
  };
  visit(body);
  return names;
}

function getCalleeText(callee: Node): string {
  if (callee.type === 'Identifier') return callee.name;
  if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && !callee.computed) {
    const object = callee.object.type === 'ThisExpression' ? 'this' : callee.object.type === 'Identifier' ? callee.object.name : undefined;
    return object ? `${object}.${callee.property.name}` : callee.property.name;
  }
  return 'a function';
}

/** Identifier names in `node`, member names and keys included (more names only mean fewer checks). */
function getNames(node: Node): string[] {
  const names: string[] = [];
  const visit = (child: Node): boolean => {
    if (child.type === 'Identifier') names.push(child.name);
    someChild(child, visit);
    return false;
  };
  visit(node);
  return names;
}

/** Names a listener shares with any use of the signal: they say nothing about the loop. */
function isSignalName(name: string, signal: SignalInScope, holders: SignalHolders): boolean {
  return name === signal.binding || name === signal.property || holders.aliases.has(name);
}

function someChild(node: Node, test: (child: Node) => boolean): boolean {
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'tokens' || key === 'comments' || key === 'typeAnnotation') continue;
    const value = node[key];
    if (Array.isArray(value) ? value.some((item) => item && typeof item === 'object' && test(item)) : value && typeof value === 'object' && value.type && test(value)) {
      return true;
    }
  }
  return false;
}

type CheckText = { readonly kind: 'ok'; readonly text: string } | { readonly kind: 'unsupported'; readonly reason: string };

/**
 * `signal.throwIfAborted();`, or `signal?.throwIfAborted();` for a signal that may be undefined
 * (no signal, nothing to check: the same as `if (signal?.aborted) throw signal.reason`, shorter).
 * A target Node without `throwIfAborted` gets a report, not a spelled-out check: `throw
 * signal.reason` needs `reason`, itself missing before Node 16.14/17.2 and reported to stay
 * undefined after a plain `abort()` on early 16.x releases; `throw undefined` stops nothing cleanly.
 */
function getCheckText(ctx: TransformContext, signal: SignalInScope): CheckText {
  const support = getFeatureSupport(ctx.options, 'signal.throwIfAborted');
  if (!support.supported) return { kind: 'unsupported', reason: support.reason as string };
  return { kind: 'ok', text: `${signal.expression}${signal.mayBeUndefined ? '?.' : '.'}throwIfAborted();` };
}

/** The check as the body's first statement; a single-statement body (or `;`) becomes a block. */
function insertFirst(ctx: TransformContext, path: ASTPath, text: string): void {
  const loop = path.node as Node;
  const check = parseStatement(ctx.j, text);
  if (loop.body.type === 'BlockStatement') {
    keepDanglingComments(loop.body, check);
    loop.body.body.unshift(check);
    return;
  }
  loop.body = ctx.j.blockStatement(loop.body.type === 'EmptyStatement' ? [check] : [check, loop.body]);
}

/**
 * `{ // sent }`: a comment alone in a block hangs on the block, and the printer drops it once the
 * block holds a statement. It moves to the check, after it, where it was.
 */
function keepDanglingComments(block: Node, check: Node): void {
  if (block.body.length > 0) return;
  const dangling = (block.comments ?? []).filter((comment: Node) => !comment.leading && !comment.trailing);
  if (dangling.length === 0) return;
  block.comments = block.comments.filter((comment: Node) => !dangling.includes(comment));
  block.innerComments = undefined;
  check.comments = [...(check.comments ?? []), ...dangling.map((comment: Node) => ({ ...comment, leading: false, trailing: true }))];
}
