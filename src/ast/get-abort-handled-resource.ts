import type { ASTPath } from 'jscodeshift';
import type { SignalInScope } from '../scope/get-signal-in-scope.ts';
import { getEnclosingFunctionsUpTo } from './get-enclosing-functions.ts';
import { getPatternNames } from './get-pattern-names.ts';
import { isMemberOf, isSignalExpression } from './is-signal-read.ts';
import { walkOwnNodes } from './walk-own-nodes.ts';

type Node = any;

/**
 * An 'abort' listener on the signal in scope that already stops a resource the site depends on
 * (`signal.addEventListener('abort', () => child.kill())`, `() => reader.cancel()`, `() =>
 * stop()` where `stop` ends it): giving the site the signal too races that handler and turns its
 * stop, often a graceful one, into a rejection.
 */
export type AbortHandledResource =
  | { readonly kind: 'none' }
  | { readonly kind: 'handled'; readonly resource: string; readonly line: number; readonly reason: string };

const REASONS = {
  handled: (resource: string, line: number) =>
    `the 'abort' listener at line ${line} already stops \`${resource}\`; the signal here would race it and turn that stop into a rejection`,
} as const;

/**
 * Whether an 'abort' listener on `signal`, registered in the functions from `site` out to the
 * signal's, touches one of `resources` (names: `child`, `this.socket`) or a binding made from
 * one (`const reader = res.body.getReader()` for `res`).
 */
export function getAbortHandledResource(site: ASTPath, signal: SignalInScope, resources: readonly string[]): AbortHandledResource {
  if (resources.length === 0) return { kind: 'none' };
  const functions = getEnclosingFunctionsUpTo(site, signal.functionPath);
  const names = getDerivedNames(functions, resources);
  for (const listener of getAbortListeners(site, functions, signal)) {
    const touched = [...names].find((name) => listener.bodies.some((body) => mentionsName(body, name)));
    if (touched !== undefined) return { kind: 'handled', resource: touched, line: listener.line, reason: REASONS.handled(touched, listener.line) };
  }
  return { kind: 'none' };
}

/**
 * The names a call's result is stored in: `const child = spawn()`, `const { stdout } = ...`,
 * `res = await fetch()`, `this.child = spawn()`.
 */
export function getResultNames(call: ASTPath): string[] {
  let current = call;
  const skip = new Set(['AwaitExpression', 'ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression']);
  while (current.parentPath && skip.has((current.parentPath.node as Node)?.type)) current = current.parentPath;
  const parent = current.parentPath?.node as Node;
  if (parent?.type === 'VariableDeclarator' && parent.init === current.node) return getPatternNames(parent.id);
  if (parent?.type === 'AssignmentExpression' && parent.right === current.node) {
    const text = getNameText(parent.left);
    return text === undefined ? getPatternNames(parent.left) : [text];
  }
  return [];
}

/**
 * `name` and what it is read from, transitively: `output` and `child` for `const output =
 * child.stdout`. A listener that stops `child` stops what `output` emits too.
 */
export function getSourceNames(site: ASTPath, name: string): string[] {
  const names = [name];
  for (let current: string | undefined = name; current !== undefined && !current.startsWith('this.'); ) {
    const bindings: ASTPath[] = (site as Node).scope?.lookup(current)?.getBindings()[current] ?? [];
    const declarator = bindings.length === 1 ? (bindings[0]?.parentPath?.node as Node) : undefined;
    const init = declarator?.type === 'VariableDeclarator' && declarator.id === bindings[0]?.node ? declarator.init : undefined;
    current = getChainBase(init);
    if (current === undefined || names.includes(current)) break;
    names.push(current);
  }
  return names;
}

/** `child` of `child.stdout!`, `this.child` of `this.child.stdout`. */
function getChainBase(node: Node): string | undefined {
  let current = node;
  for (;;) {
    if (current?.type === 'TSNonNullExpression') current = current.expression;
    const isMember = (current?.type === 'MemberExpression' || current?.type === 'OptionalMemberExpression') && !current.computed;
    if (!isMember) return current?.type === 'Identifier' ? current.name : undefined;
    if (current.object.type === 'ThisExpression') return getNameText(current);
    current = current.object;
  }
}

/** `seeds` and every binding of `functions` whose value is made from one of them, transitively. */
function getDerivedNames(functions: readonly Node[], seeds: readonly string[]): Set<string> {
  const names = new Set(seeds);
  const assignments: { target: string[]; value: Node }[] = [];
  for (const fn of functions) {
    walkOwnNodes(fn, (node) => {
      if (node.type === 'VariableDeclarator' && node.init) assignments.push({ target: getPatternNames(node.id), value: node.init });
      if (node.type === 'AssignmentExpression') {
        const text = getNameText(node.left);
        assignments.push({ target: text === undefined ? getPatternNames(node.left) : [text], value: node.right });
      }
    });
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const { target, value } of assignments) {
      if (!target.some((name) => !names.has(name)) || ![...names].some((name) => mentionsName(value, name))) continue;
      for (const name of target) names.add(name);
      grew = true;
    }
  }
  return names;
}

interface AbortListener {
  readonly line: number;
  /** The listener's body, and those of the local functions it calls by name (`() => stop()`). */
  readonly bodies: readonly Node[];
}

/**
 * `signal.addEventListener('abort', fn)`, `signal.onabort = fn`, `addAbortListener(signal, fn)`
 * and `events.addAbortListener(signal, fn)`, where `signal` is the signal in scope.
 */
function getAbortListeners(site: ASTPath, functions: readonly Node[], signal: SignalInScope): AbortListener[] {
  const found: AbortListener[] = [];
  for (const fn of functions) {
    walkOwnNodes(fn, (node) => {
      const listener = getListener(node, signal);
      if (listener) found.push({ line: node.loc?.start.line ?? 0, bodies: getListenerBodies(site, listener) });
    });
  }
  return found;
}

function getListener(node: Node, signal: SignalInScope): Node | undefined {
  if (node.type === 'AssignmentExpression' && isMemberOf(node.left, 'onabort') && isSignalExpression(node.left.object, signal)) return node.right;
  if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return undefined;
  const [first, second] = node.arguments as Node[];
  const callee = node.callee;
  if (isMemberOf(callee, 'addEventListener') && isSignalExpression(callee.object, signal)) {
    return (first?.type === 'StringLiteral' || first?.type === 'Literal') && first.value === 'abort' ? second : undefined;
  }
  const isAddAbortListener = (callee.type === 'Identifier' && callee.name === 'addAbortListener') || isMemberOf(callee, 'addAbortListener');
  return isAddAbortListener && isSignalExpression(first, signal) ? second : undefined;
}

/** A function literal's body; for a name, the body of the local function it is bound to. */
function getListenerBodies(site: ASTPath, listener: Node): Node[] {
  const bodies = [listener];
  const called = new Set<string>();
  walkOwnNodes(listener.body ?? listener, (node) => {
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier') called.add(node.callee.name);
  });
  if (listener.type === 'Identifier') called.add(listener.name);
  for (const name of called) {
    const declaration = getLocalFunction(site, name);
    if (declaration) bodies.push(declaration);
  }
  return bodies;
}

function getLocalFunction(site: ASTPath, name: string): Node | undefined {
  const bindings: ASTPath[] = (site as Node).scope?.lookup(name)?.getBindings()[name] ?? [];
  const parent = bindings[0]?.parentPath?.node as Node;
  if (parent?.type === 'FunctionDeclaration' && parent.id === bindings[0]?.node) return parent;
  const init = parent?.type === 'VariableDeclarator' && parent.id === bindings[0]?.node ? parent.init : undefined;
  return init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression' ? init : undefined;
}

/** `child` or `this.child`. */
function getNameText(node: Node): string | undefined {
  if (node?.type === 'Identifier') return node.name;
  const isThisMember = node?.type === 'MemberExpression' && !node.computed && node.object.type === 'ThisExpression' && node.property.type === 'Identifier';
  return isThisMember ? `this.${node.property.name}` : undefined;
}

/** `name` read anywhere in `node`, nested functions included (`this.x` as a member of `this`). */
function mentionsName(node: Node, name: string): boolean {
  let found = false;
  const visit = (current: Node) => {
    if (found || !current || typeof current.type !== 'string') return;
    if (getNameText(current) === name && !(current.type === 'Identifier' && name.startsWith('this.'))) found = true;
    for (const key of Object.keys(current)) {
      if (key === 'loc' || key === 'tokens' || key === 'comments') continue;
      // `x.child` does not read `child`.
      if (key === 'property' && !current.computed && (current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression')) continue;
      const value = current[key];
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(node);
  return found;
}
