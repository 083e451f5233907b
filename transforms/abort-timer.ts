import type { ASTPath } from 'jscodeshift';
import { buildTimeoutSignalText } from '../src/ast/build-timeout-signal.ts';
import { getEnclosingFunctions, isFunctionNode } from '../src/ast/get-enclosing-functions.ts';
import { getNodeText } from '../src/ast/get-node-text.ts';
import { getOnlyExpression } from '../src/ast/get-only-expression.ts';
import { isWrittenIdentifier } from '../src/ast/get-references.ts';
import { getTimerDelay, isTimerDelayInRange, MAX_TIMER_DELAY } from '../src/ast/get-timer-delay.ts';
import { isAwayFrom } from '../src/ast/is-away-from.ts';
import { isGlobalReference } from '../src/ast/is-global-reference.ts';
import { isMemberOf } from '../src/ast/is-signal-read.ts';
import { getUnusedName, keepDirectiveSpacing } from '../src/ast/module-member.ts';
import { parseStatement } from '../src/ast/parse-snippet.ts';
import { createJscodeshiftTransform } from '../src/engine/adapter.ts';
import { getSignalInScope, type SignalInScope } from '../src/scope/get-signal-in-scope.ts';
import type { TransformContext, TransformMeta } from '../src/types.ts';

type Node = any;

export const meta: TransformMeta = {
  name: 'abort-timer',
  description:
    'Replace an AbortController aborted by a setTimeout with AbortSignal.timeout (combined with the signal in scope), removing the timer and its clearTimeout',
  mayApply: (source) => source.includes('AbortController') && source.includes('setTimeout'),
  rule: 'controller-timeout',
  behaviourChange: 'a timeout aborts with a TimeoutError, not an AbortError, and the deadline can no longer be called off',
};

const RULES = { timeout: 'controller-timeout', uncleared: 'uncleared-timer' } as const;

const MESSAGES = {
  replaced: (declaration: string) => `the controller aborted by a timer is now \`${declaration}\``,
  notCombined: (signal: string, reason: string) => `${reason}, so ${signal} is not combined with the timeout: combine them by hand`,
  unsupported: (reason: string) => `a controller aborted by a timer: ${reason}; left as it is`,
  customReason: 'the timer aborts with a custom reason; AbortSignal.timeout always aborts with a TimeoutError',
  classField: 'the controller is a class field, which other methods may abort or replace',
  callbackDoesMore: 'the timer callback does more than abort the controller',
  timerForm: 'the timer is neither `setTimeout(() => c.abort(), ms)` as a statement nor `const t = setTimeout(...)`',
  notSameBlock: 'the controller and the timer are not declared in the same block',
  usedBeforeTimer: 'the controller may be used before the timer starts',
  usedInTimer: 'the timer statement itself uses the controller, which the new declaration cannot refer to',
  signalWritten: (text: string) => `the controller's signal is assigned to (\`${text}\`), which a const cannot take`,
  clearedAtOnce: 'the timer is called off before anything is awaited, so it never fires: there is no timeout to keep',
  delayOutOfRange: (text: string, value: number) =>
    `the delay \`${text}\` is ${value}, not a whole number of milliseconds from 0 to ${MAX_TIMER_DELAY}: setTimeout fires such a timer at once or rounds it, where AbortSignal.timeout throws a RangeError or waits the full time`,
  delayComputed: (text: string) =>
    `the delay \`${text}\` is computed and may come out negative, fractional or NaN, which setTimeout fires at once and AbortSignal.timeout rejects with a RangeError: rewrite by hand once its range is known`,
  otherAbort: 'the controller is aborted elsewhere too',
  otherUse: (text: string) => `the controller is used for more than its signal (\`${text}\`)`,
  clearedInCallback: (text: string) => `the timer is called off from a callback (\`${text}\`), which AbortSignal.timeout cannot express`,
  timerUse: (text: string) => `the timer id is used for more than clearTimeout (\`${text}\`)`,
  conditionalClear: 'the timer is called off only on some paths (in an `if`, a loop or a `case`), which AbortSignal.timeout cannot express',
  unsafeFinally: 'removing clearTimeout empties a finally block whose try block declares names used around it',
  abortErrorCheck:
    "this function checks for 'AbortError', but AbortSignal.timeout aborts with a TimeoutError DOMException: update the check, then migrate",
  noDelayText: 'the delay has no source text',
  controllerRemoved: 'removes the controller, which only the timer aborted',
  signalUse: (name: string) => `the controller's signal is now \`${name}\``,
  timerRemoved: (text: string) => `removes \`${text}\`: AbortSignal.timeout needs no clearing and keeps no process alive`,
} as const;

/** A timer whose only job is `controller.abort()`, and everything that goes when it does. */
interface ControllerTimer {
  readonly timerPath: ASTPath;
  /** `const t = setTimeout(...)` or `setTimeout(...);`: replaced by the new declaration. */
  readonly timerStatement: ASTPath;
  readonly controllerStatement: ASTPath;
  readonly declarationKind: 'const' | 'var';
  /** `AbortSignal.timeout(ms)`, or combined with the caller's signal. */
  readonly signalText: string;
  /** Why the caller's signal could not be combined, when there is one. */
  readonly notCombined?: string;
  /** Every `c.signal`. */
  readonly signalUses: readonly ASTPath[];
  /** `clearTimeout(t);` and `t.unref();` statements. */
  readonly timerStatements: readonly ASTPath[];
}

type Classification =
  | { readonly kind: 'none' }
  | { readonly kind: 'unsure'; readonly reason: string; readonly handedOn?: boolean }
  | ({ readonly kind: 'ok' } & ControllerTimer);

export function transform(ctx: TransformContext): void {
  const { j } = ctx;
  const timers: ASTPath[] = [];
  ctx.index.find(j.CallExpression, undefined, { callee: { type: 'Identifier', name: 'setTimeout' } }).forEach((path) => {
    if (isGlobalReference(path, 'setTimeout')) timers.push(path);
  });
  for (const timerPath of timers) {
    const site = classifyTimer(ctx, timerPath);
    if (site.kind === 'none') continue;
    if (site.kind === 'unsure') {
      const rule = isCleared(ctx, timerPath) ? RULES.timeout : RULES.uncleared;
      // A controller the code also aborts itself is its own cancellation, with the timer one of its causes: nothing to fix.
      // So is one handed whole to a function (`linkAbort(parent, controller)`, `registry.add(controller)`),
      // which may abort it: the timer is one of its causes, and the code has nothing to fix if it clears it.
      // And a timer the code calls off (or unrefs) is no leak: a rewrite that does not fit leaves nothing broken.
      if (site.reason === MESSAGES.otherAbort || rule === RULES.timeout) ctx.handled(timerPath, site.reason, rule);
      else ctx.manual(timerPath, site.reason, rule);
      continue;
    }
    rewrite(ctx, site);
  }
}

export default createJscodeshiftTransform({ meta, transform });

function classifyTimer(ctx: TransformContext, timerPath: ASTPath): Classification {
  const { j } = ctx;
  const args = (timerPath.node as Node).arguments as Node[];
  const callback = args[0];
  if (callback?.type !== 'ArrowFunctionExpression' && callback?.type !== 'FunctionExpression') return { kind: 'none' };
  const abortCall = getOnlyExpression(callback.body);
  const target = isAbortCall(abortCall) ? abortCall.callee.object : undefined;
  if (!target) {
    // Report a callback that aborts a local controller among other things; ignore the rest.
    const aborts = j(timerPath.get('arguments', 0)).find(j.CallExpression).filter((path) => {
      const node = path.node as Node;
      return isAbortCall(node) && node.callee.object.type === 'Identifier' && getController(path, node.callee.object.name) !== undefined;
    });
    return aborts.size() > 0 ? { kind: 'unsure', reason: MESSAGES.callbackDoesMore } : { kind: 'none' };
  }
  if (isThisMember(target)) {
    return isControllerField(ctx, target.property.name) ? { kind: 'unsure', reason: MESSAGES.classField } : { kind: 'none' };
  }
  if (target.type !== 'Identifier') return { kind: 'none' };
  const controller = getController(timerPath, target.name);
  if (!controller) return { kind: 'none' };
  if (abortCall.arguments.length > 0) return { kind: 'unsure', reason: MESSAGES.customReason };
  if (callback.params.length > 0 || callback.async || callback.generator || args.length !== 2) return { kind: 'unsure', reason: MESSAGES.timerForm };

  const timerStatement = getTimerStatement(timerPath);
  if (!timerStatement) return { kind: 'unsure', reason: MESSAGES.timerForm };
  const controllerStatement = controller.parent as ASTPath;
  const list = getStatementList(controllerStatement);
  const controllerIndex = list?.indexOf(controllerStatement.node) ?? -1;
  const timerIndex = list?.indexOf(timerStatement.node) ?? -1;
  if (!list || controllerIndex < 0 || timerIndex <= controllerIndex) return { kind: 'unsure', reason: MESSAGES.notSameBlock };

  const uses = getControllerUses(ctx, controller, target.name, abortCall);
  if (uses.kind === 'unsure') return uses;
  // The timer statement becomes the declaration: a use in it (`getDelay(c.signal)` as the delay)
  // would name the variable in its own initializer.
  if (uses.signalUses.some((use) => isInside(use, new Set([timerStatement.node])))) return { kind: 'unsure', reason: MESSAGES.usedInTimer };
  // The new variable exists from the timer on. When code runs between the controller and the
  // timer, a use written before the timer (between the two, or in a closure above the
  // controller) or in a function declaration (hoisted) may run there and read it too early.
  const timerStart = (timerStatement.node as Node).start as number;
  const between = timerIndex > controllerIndex + 1;
  const early = (use: ASTPath) => between && ((use.node as Node).start < timerStart || isInFunctionDeclaration(use));
  if (uses.signalUses.some(early)) return { kind: 'unsure', reason: MESSAGES.usedBeforeTimer };

  const timerStatements = getTimerStatements(ctx, timerPath);
  if (timerStatements.kind === 'unsure') return timerStatements;
  const removalProblem = getRemovalProblem(ctx, timerStatement, timerStatements.paths);
  if (removalProblem) return { kind: 'unsure', reason: removalProblem };
  if (isClearedAtOnce(timerStatement, timerStatements.paths)) return { kind: 'unsure', reason: MESSAGES.clearedAtOnce };
  if (mentionsAbortError(ctx, controller)) return { kind: 'unsure', reason: MESSAGES.abortErrorCheck };

  const delay = getNodeText(args[1]);
  if (delay === undefined) return { kind: 'unsure', reason: MESSAGES.noDelayText };
  const delayProblem = getDelayProblem(ctx, timerPath.get('arguments', 1));
  if (delayProblem) return { kind: 'unsure', reason: delayProblem };
  const parent = getParentSignal(ctx, controller);
  let text = buildTimeoutSignalText(timerPath, ctx.options, delay, parent);
  let notCombined: string | undefined;
  if (text.kind === 'unsupported' && parent) {
    // The old code ignored the caller's signal too: a bare timeout keeps its behaviour.
    notCombined = MESSAGES.notCombined(parent.expression, text.reason);
    text = buildTimeoutSignalText(timerPath, ctx.options, delay);
  }
  if (text.kind === 'unsupported') return { kind: 'unsure', reason: MESSAGES.unsupported(text.reason) };
  return {
    kind: 'ok',
    timerPath,
    timerStatement,
    controllerStatement,
    declarationKind: (controllerStatement.node as Node).kind === 'var' ? 'var' : 'const',
    signalText: text.text,
    notCombined,
    signalUses: uses.signalUses,
    timerStatements: timerStatements.paths,
  };
}

/**
 * Rewrites one site: `c.signal` becomes the new variable, the timer statement becomes its
 * declaration (so the countdown starts where it did), the controller declaration and every
 * `clearTimeout(t)` / `t.unref()` go. AbortSignal.timeout's timer never keeps the process alive,
 * which is what `unref()` asked for, and needs no clearing.
 */
function rewrite(ctx: TransformContext, site: ControllerTimer): void {
  const { j } = ctx;
  const name = getUnusedName(j, ctx.root, ['signal', 'timeoutSignal'], { localTo: site.timerPath });
  const declarationText = `${site.declarationKind} ${name} = ${site.signalText}`;
  ctx.edit(site.timerPath, MESSAGES.replaced(declarationText), RULES.timeout);
  if (site.notCombined) ctx.manual(site.timerPath, site.notCombined, RULES.timeout);

  // The edits apart from the timer statement are diff hunks of their own: each is named.
  const timer = site.timerStatement.node;
  const reportApart = (path: ASTPath, message: string) => {
    if (isAwayFrom(path.node, timer)) ctx.consequence(path, message);
  };
  reportApart(site.controllerStatement, MESSAGES.controllerRemoved);
  for (const use of site.signalUses) reportApart(use, MESSAGES.signalUse(name));
  for (const statement of site.timerStatements) reportApart(statement, MESSAGES.timerRemoved((getNodeText(statement.node) ?? '').replace(/\s+/g, ' ')));

  const program = site.controllerStatement.parent?.node as Node;
  if (program?.type === 'Program') keepDirectiveSpacing(program);
  for (const use of site.signalUses) replaceSignalUse(j, use, name);
  for (const statement of site.timerStatements) removeStatement(statement);
  const declaration = parseStatement(j, `${declarationText};`);
  const comments = [...((site.controllerStatement.node as Node).comments ?? []), ...((site.timerStatement.node as Node).comments ?? [])];
  if (comments.length > 0) {
    declaration.comments = comments;
    // recast puts blank lines around a new multi-line statement (comments make it one); in the
    // timer's place, it is spaced like the timer was.
    declaration.loc = (site.timerStatement.node as Node).loc;
  }
  site.timerStatement.replace(declaration);
  site.controllerStatement.prune();
}

/** `c.signal` -> `signal`; `{ signal: c.signal }` -> `{ signal }`. */
function replaceSignalUse(j: TransformContext['j'], use: ASTPath, name: string): void {
  const parent = use.parent?.node as Node;
  use.replace(j.identifier(name));
  if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property') && !parent.computed && parent.key.type === 'Identifier' && parent.key.name === name) {
    parent.shorthand = true;
  }
}

/**
 * Removes `clearTimeout(t);`. A finally block left empty goes; a `try` left with neither catch nor
 * finally gives way to its statements (`canRemove` checked that their names clash with nothing).
 */
function removeStatement(statement: ASTPath): void {
  const block = statement.parent as ASTPath;
  statement.prune();
  const tryPath = block?.parent as ASTPath | undefined;
  const tryNode = tryPath?.node as Node;
  if (tryNode?.type !== 'TryStatement' || tryNode.finalizer !== block.node || tryNode.finalizer.body.length > 0) return;
  if (tryNode.handler) tryNode.finalizer = null;
  else (tryPath as ASTPath).replace(...tryNode.block.body);
}

function isAbortCall(node: Node): boolean {
  return (
    node?.type === 'CallExpression' &&
    (node.callee.type === 'MemberExpression' || node.callee.type === 'OptionalMemberExpression') &&
    !node.callee.computed &&
    node.callee.property.type === 'Identifier' &&
    node.callee.property.name === 'abort'
  );
}

function isThisMember(node: Node): boolean {
  return node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && !node.computed && node.property.type === 'Identifier';
}

function isNewAbortController(path: ASTPath, node: Node): boolean {
  return node?.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'AbortController' && isGlobalReference(path, 'AbortController');
}

/** `controller = new AbortController()` as a class field, or `this.controller = new AbortController()`. */
function isControllerField(ctx: TransformContext, name: string): boolean {
  const { j } = ctx;
  const fields = ctx.index.find(j.ClassProperty, undefined, { key: { type: 'Identifier', name } }).filter((path) => isNewAbortController(path, (path.node as Node).value));
  const assigned = ctx.index
    .find(j.AssignmentExpression, undefined, { left: { type: 'MemberExpression', object: { type: 'ThisExpression' }, property: { name } } })
    .filter((path) => isNewAbortController(path, (path.node as Node).right));
  return fields.length + assigned.length > 0;
}

/** The declarator of `const name = new AbortController()` that `name` at `site` refers to. */
function getController(site: ASTPath, name: string): ASTPath | undefined {
  const scope = (site as Node).scope?.lookup(name);
  const bindings: ASTPath[] = scope?.getBindings()[name] ?? [];
  if (bindings.length !== 1) return undefined;
  const declarator = (bindings[0] as ASTPath).parent as ASTPath | undefined;
  const node = declarator?.node as Node;
  if (node?.type !== 'VariableDeclarator' || node.id !== (bindings[0] as ASTPath).node) return undefined;
  if (!isNewAbortController(declarator as ASTPath, node.init)) return undefined;
  const declaration = (declarator as ASTPath).parent?.node as Node;
  return declaration?.type === 'VariableDeclaration' && declaration.declarations.length === 1 ? declarator : undefined;
}

/** `setTimeout(...);` or `const t = setTimeout(...);` (one declarator). */
function getTimerStatement(timerPath: ASTPath): ASTPath | undefined {
  const parent = timerPath.parent as ASTPath;
  const node = parent?.node as Node;
  if (node?.type === 'ExpressionStatement' && node.expression === timerPath.node) return parent;
  if (node?.type !== 'VariableDeclarator' || node.init !== timerPath.node || node.id.type !== 'Identifier') return undefined;
  const declaration = parent.parent as ASTPath;
  return (declaration.node as Node).declarations.length === 1 ? declaration : undefined;
}

function getStatementList(statement: ASTPath): Node[] | undefined {
  const parent = statement.parent?.node as Node;
  if (parent?.type === 'BlockStatement' || parent?.type === 'Program' || parent?.type === 'StaticBlock') return parent.body;
  if (parent?.type === 'SwitchCase') return parent.consequent;
  return undefined;
}

/**
 * Identifiers naming the binding `name` declared at `declarator`: every one but the
 * declaration itself, member names and object keys. Type positions count as uses.
 */
function getBindingUses(ctx: TransformContext, declarator: ASTPath, name: string): ASTPath[] {
  const scope = (declarator as Node).scope?.lookup(name);
  const declared = (declarator.node as Node).id;
  return ctx.root
    .find(ctx.j.Identifier, { name })
    .filter((path) => {
      const node = path.node;
      const parent = path.parent?.node as Node;
      if (node === declared) return false;
      if ((parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return false;
      if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property') && parent.key === node && !parent.computed && !parent.shorthand) return false;
      return (path as Node).scope?.lookup(name) === scope;
    })
    .paths();
}

/** Every use of the controller must be `c.signal` (read) or the timer's own `c.abort()`. */
function getControllerUses(
  ctx: TransformContext,
  controller: ASTPath,
  name: string,
  abortCall: Node,
): { kind: 'ok'; signalUses: ASTPath[] } | { kind: 'unsure'; reason: string; handedOn?: boolean } {
  const signalUses: ASTPath[] = [];
  for (const use of getBindingUses(ctx, controller, name)) {
    if (use.node === abortCall.callee.object) continue;
    const member = use.parent as ASTPath;
    const node = member.node as Node;
    const isMember = node.type === 'MemberExpression' && node.object === use.node && !node.computed;
    if (isMember && node.property.name === 'abort') return { kind: 'unsure', reason: MESSAGES.otherAbort };
    const grand = member.parent?.node as Node;
    const written = (grand?.type === 'AssignmentExpression' && grand.left === node) || grand?.type === 'UpdateExpression' || grand?.type === 'UnaryExpression';
    const handedOn = (node.type === 'CallExpression' || node.type === 'NewExpression') && node.arguments.includes(use.node);
    if (handedOn) return { kind: 'unsure', reason: MESSAGES.otherUse(getSnippet(node)), handedOn: true };
    if (!isMember || node.property.name !== 'signal' || written) return { kind: 'unsure', reason: MESSAGES.otherUse(getSnippet(isMember ? grand ?? node : node)) };
    // `({ signal: c.signal } = options)`, `[c.signal] = list`, `for (c.signal of list)`.
    if (isWrittenIdentifier(member)) return { kind: 'unsure', reason: MESSAGES.signalWritten(getSnippet(getAssignment(member))) };
    signalUses.push(member);
  }
  return { kind: 'ok', signalUses };
}

/** `clearTimeout(t);` and `t.unref();` statements; any other use of the timer id is reported. */
function getTimerStatements(ctx: TransformContext, timerPath: ASTPath): { kind: 'ok'; paths: ASTPath[] } | { kind: 'unsure'; reason: string } {
  const declarator = timerPath.parent as ASTPath;
  if ((declarator.node as Node).type !== 'VariableDeclarator') return { kind: 'ok', paths: [] };
  const name = (declarator.node as Node).id.name as string;
  const paths: ASTPath[] = [];
  const timerFunction = getEnclosingFunctions(timerPath)[0]?.node;
  for (const use of getBindingUses(ctx, declarator, name)) {
    // Cleared from a callback (an event handler, `.finally(() => ...)`): a deadline that can be
    // called off, which AbortSignal.timeout cannot express.
    if (getEnclosingFunctions(use)[0]?.node !== timerFunction) return { kind: 'unsure', reason: MESSAGES.clearedInCallback(getSnippet(use.parent?.node as Node)) };
    const statement = getTimerUseStatement(use);
    if (!statement) return { kind: 'unsure', reason: MESSAGES.timerUse(getSnippet((use.parent?.node as Node) ?? use.node)) };
    paths.push(statement);
  }
  return { kind: 'ok', paths };
}

function getTimerUseStatement(use: ASTPath): ASTPath | undefined {
  const parent = use.parent as ASTPath;
  const node = parent.node as Node;
  let call: ASTPath | undefined;
  if (node.type === 'CallExpression' && node.arguments.length === 1 && node.arguments[0] === use.node &&
      node.callee.type === 'Identifier' && node.callee.name === 'clearTimeout' && isGlobalReference(parent, 'clearTimeout')) {
    call = parent;
  } else if (node.type === 'MemberExpression' && node.object === use.node && !node.computed && node.property.name === 'unref') {
    const grand = parent.parent as ASTPath;
    if ((grand.node as Node).type === 'CallExpression' && (grand.node as Node).callee === node && (grand.node as Node).arguments.length === 0) call = grand;
  }
  const statement = call?.parent as ASTPath | undefined;
  return (statement?.node as Node)?.type === 'ExpressionStatement' ? statement : undefined;
}

/** Why the timer statements cannot all be removed cleanly, if they cannot. */
function getRemovalProblem(ctx: TransformContext, timerStatement: ASTPath, statements: readonly ASTPath[]): string | undefined {
  const timerList = getStatementList(timerStatement);
  for (const statement of statements) {
    const list = getStatementList(statement);
    if (!list) return MESSAGES.conditionalClear;
    const block = statement.parent as ASTPath;
    const tryPath = block.parent as ASTPath | undefined;
    const tryNode = tryPath?.node as Node;
    const isFinally = tryNode?.type === 'TryStatement' && tryNode.finalizer === block.node;
    // Where the timer's own block ends, or in the finally of a try in that block: always run
    // once the work is done. Anywhere else (an `if`, a loop, a `case`) it is called off only
    // on some paths, a choice AbortSignal.timeout cannot make.
    if (list !== timerList && !(isFinally && getStatementList(tryPath as ASTPath) === timerList)) return MESSAGES.conditionalClear;
    if (!isFinally || tryNode.handler) continue;
    const emptied = (block.node as Node).body.every((node: Node) => statements.some((s) => s.node === node));
    if (emptied && !canUnwrap(ctx, tryPath as ASTPath)) return MESSAGES.unsafeFinally;
  }
  return undefined;
}

/**
 * The statements of `try { ... }` can join the surrounding block when the try block's own
 * `let`/`const`/`class`/`function` names appear nowhere else in the enclosing function.
 */
function canUnwrap(ctx: TransformContext, tryPath: ASTPath): boolean {
  if (!getStatementList(tryPath)) return false;
  const block = (tryPath.node as Node).block;
  const names: string[] = [];
  for (const statement of block.body as Node[]) {
    if (statement.type === 'VariableDeclaration' && statement.kind !== 'var') {
      for (const declarator of statement.declarations) {
        if (declarator.id.type === 'Identifier') names.push(declarator.id.name);
        else ctx.j(declarator.id).find(ctx.j.Identifier).forEach((p) => void names.push(p.node.name));
      }
    } else if ((statement.type === 'ClassDeclaration' || statement.type === 'FunctionDeclaration') && statement.id) {
      names.push(statement.id.name);
    }
  }
  const scopeNode = (tryPath as Node).scope?.node;
  if (!scopeNode) return false;
  return names.every(
    (name) =>
      ctx.j(scopeNode).find(ctx.j.Identifier, { name }).filter((p) => !isInside(p, new Set([block]))).size() === 0,
  );
}

/**
 * The delay as AbortSignal.timeout takes it the way setTimeout did: a constant must be a whole
 * number of milliseconds from 0 to 2^31-1; a named duration (`timeoutMs`, `options.timeoutMs`)
 * is trusted to be one; a computed one (`deadline - Date.now()`) is not.
 */
function getDelayProblem(ctx: TransformContext, delayPath: ASTPath): string | undefined {
  const delay = getTimerDelay(ctx.j, ctx.root, delayPath);
  if (delay.kind === 'computed') return MESSAGES.delayComputed(getSnippet(delayPath.node));
  if (delay.kind === 'constant' && !isTimerDelayInRange(delay.value)) return MESSAGES.delayOutOfRange(getSnippet(delayPath.node), delay.value);
  return undefined;
}

/**
 * True when a `clearTimeout(t)` runs before the code awaits anything (no `await`, `yield` or
 * `for await` from the timer to it, or to the `try` whose `finally` holds it, through its block):
 * a timer cannot fire during synchronous code, so it never fires, and a deadline would be new.
 */
function isClearedAtOnce(timerStatement: ASTPath, statements: readonly ASTPath[]): boolean {
  const list = getStatementList(timerStatement) as Node[];
  const timerIndex = list.indexOf(timerStatement.node);
  return statements.some((statement) => {
    const call = (statement.node as Node).expression;
    if (call.callee.type !== 'Identifier' || call.callee.name !== 'clearTimeout') return false;
    const block = statement.parent?.node as Node;
    const tryNode = statement.parent?.parent?.node as Node;
    const isFinally = tryNode?.type === 'TryStatement' && tryNode.finalizer === block;
    const end = list.indexOf(isFinally ? tryNode : statement.node);
    const before = [...list.slice(timerIndex + 1, end), ...(isFinally ? [tryNode.block] : [])];
    return end > timerIndex && !before.some(suspends);
  });
}

/** An `await`, `yield` or `for await` in `node`, outside nested functions. */
function suspends(node: Node): boolean {
  if (!node || typeof node !== 'object') return false;
  if (node.type === 'AwaitExpression' || node.type === 'YieldExpression' || (node.type === 'ForOfStatement' && node.await)) return true;
  if (isFunctionNode(node)) return false;
  return Object.keys(node).some((key) => {
    if (key === 'loc' || key === 'tokens' || key === 'comments') return false;
    const value = node[key];
    return Array.isArray(value) ? value.some(suspends) : value && typeof value.type === 'string' && suspends(value);
  });
}

/** The assignment or loop a written `c.signal` is the target of, for the message. */
function getAssignment(path: ASTPath): Node {
  let current = path;
  while (current.parent && !['AssignmentExpression', 'ForOfStatement', 'ForInStatement', 'ExpressionStatement'].includes((current.node as Node).type)) current = current.parent;
  return current.node;
}

function isInFunctionDeclaration(path: ASTPath): boolean {
  return getEnclosingFunctions(path).some((fn) => (fn.node as Node).type === 'FunctionDeclaration');
}

function isInside(path: ASTPath, nodes: ReadonlySet<Node>): boolean {
  for (let current: ASTPath | null = path; current; current = current.parentPath) {
    if (nodes.has(current.node)) return true;
  }
  return false;
}

/** `AbortSignal.timeout` aborts with a TimeoutError: code telling AbortError apart breaks. */
function mentionsAbortError(ctx: TransformContext, controller: ASTPath): boolean {
  const scopeNode = (controller as Node).scope?.node;
  return ctx.j(scopeNode).find(ctx.j.Literal).filter((path) => (path.node as Node).value === 'AbortError').size() > 0;
}

/** The caller's signal, to combine with the timeout. A sibling controller is not one. */
function getParentSignal(ctx: TransformContext, controller: ASTPath): SignalInScope | undefined {
  const signal = getSignalInScope(ctx.j, ctx.root, controller);
  return signal && signal.origin !== 'local-controller' ? signal : undefined;
}

/**
 * The timer is called off somewhere (`clearTimeout(t)`, in a `finally` or a `.finally()` too), or
 * `unref()`'d, so that it keeps nothing alive: `const t = setTimeout(...)`, or `t = setTimeout(...)`
 * for a `let t` declared before.
 */
function isCleared(ctx: TransformContext, timerPath: ASTPath): boolean {
  const parent = timerPath.parent as ASTPath;
  const node = parent.node as Node;
  if (isMemberOf(node, 'unref') && node.object === timerPath.node) return true;
  const name = node.type === 'VariableDeclarator' && node.id.type === 'Identifier' ? node.id.name : node.type === 'AssignmentExpression' && node.left.type === 'Identifier' ? node.left.name : undefined;
  if (name === undefined) return false;
  return getBindingUses(ctx, parent, name).some((use) => {
    const user = use.parent?.node as Node;
    const clears = user?.type === 'CallExpression' && user.callee.type === 'Identifier' && /^clear(Timeout|Interval)$/.test(user.callee.name);
    return clears || (isMemberOf(user, 'unref') && user.object === use.node);
  });
}

function getSnippet(node: Node): string {
  const text = (getNodeText(node) ?? node.type).replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
