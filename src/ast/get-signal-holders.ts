import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { SignalInScope } from '../scope/get-signal-in-scope.ts';
import { getPatternNames } from './get-pattern-names.ts';

type Node = any;

/** Local names through which a function reaches its signal, found by name in its body. */
export interface SignalHolders {
  /** Names bound to the signal itself: `const s = options.signal`, `const { signal } = options`. */
  readonly aliases: ReadonlySet<string>;
  /**
   * Names bound to something made with the signal, which ends when it aborts or passes it on:
   * `const init = { signal }`, `const response = await fetch(url, { signal })`, then
   * `const reader = response.body.getReader()`; not the data an awaited call resolves to.
   */
  readonly carriers: ReadonlySet<string>;
}

type Signal = Pick<SignalInScope, 'binding' | 'property'>;

/**
 * Follows declarations and assignments in `functionPath` (nested functions included) until no
 * new name appears. Names, not bindings: a shadowing local counts too, which only ever makes a
 * caller see more of the signal than there is, and so do less.
 */
export function getSignalHolders(j: JSCodeshift, functionPath: ASTPath, signal: Signal): SignalHolders {
  const aliases = new Set<string>();
  const carriers = new Set<string>();
  const bindings: { target: Node; value: Node }[] = [];
  j(functionPath)
    .find(j.VariableDeclarator)
    .forEach((path) => {
      const node = path.node as Node;
      if (node.init) bindings.push({ target: node.id, value: node.init });
    });
  j(functionPath)
    .find(j.AssignmentExpression, { operator: '=' })
    .forEach((path) => void bindings.push({ target: (path.node as Node).left, value: (path.node as Node).right }));

  for (let changed = true; changed; ) {
    changed = false;
    const add = (set: Set<string>, name: string) => {
      if (set.has(name) || aliases.has(name)) return;
      set.add(name);
      changed = true;
    };
    for (const { target, value } of bindings) {
      if (target.type === 'Identifier' && isSignalExpression(value, signal, aliases)) {
        add(aliases, target.name);
      } else if (target.type === 'ObjectPattern' && isBag(value, signal)) {
        for (const property of target.properties) {
          const isSignalKey = property.type !== 'RestElement' && !property.computed && property.key?.name === 'signal';
          for (const name of getPatternNames(isSignalKey ? property.value : property)) add(isSignalKey ? aliases : carriers, name);
        }
      } else if (!isAwaitedData(value) && mentionsSignal(value, signal, { aliases, carriers })) {
        for (const name of getPatternNames(target)) add(carriers, name);
      }
    }
  }
  return { aliases, carriers };
}

/** The signal itself: `signal`, `options.signal`, `options?.signal`, or an alias. */
export function isSignalExpression(node: Node, signal: Signal, aliases: ReadonlySet<string> = new Set()): boolean {
  if (node?.type === 'Identifier') return aliases.has(node.name) || (signal.property === undefined && node.name === signal.binding);
  return signal.property !== undefined && isMember(node) && !node.computed && isBag(node.object, signal) && node.property.name === signal.property;
}

/**
 * True when `node` reads the signal, one of `holders`, or (for `options.signal`) the whole bag
 * that carries it (`fetch(url, options)`, `{ ...options }`). `options.url` reads no signal.
 */
export function mentionsSignal(node: Node, signal: Signal, holders: Partial<SignalHolders> = {}): boolean {
  const names = new Set([...(holders.aliases ?? []), ...(holders.carriers ?? [])]);
  return someNode(node, (child, parent) => isSignalRead(child, parent, signal, holders.aliases) || (child.type === 'Identifier' && names.has(child.name)));
}

/**
 * `node` (whose parent is `parent`) is the signal, an alias of it, or the whole bag that carries
 * it. Property keys and member names are the caller's to skip.
 */
export function isSignalRead(node: Node, parent: Node, signal: Signal, aliases?: ReadonlySet<string>): boolean {
  if (isSignalExpression(node, signal, aliases)) return true;
  return isBag(node, signal) && !(isMember(parent) && parent.object === node);
}

/**
 * What an awaited call resolves to is its result, done with the signal (`await list({ signal })`
 * gives an array), except a `fetch` Response, whose body still reads under the signal.
 */
function isAwaitedData(value: Node): boolean {
  return someNode(value, (node) => {
    if (node.type !== 'AwaitExpression') return false;
    const callee = node.argument?.type === 'CallExpression' ? node.argument.callee : undefined;
    const name = callee?.type === 'Identifier' ? callee.name : isMember(callee) && !callee.computed ? callee.property.name : undefined;
    return name !== 'fetch';
  });
}

function isBag(node: Node, signal: Signal): boolean {
  return signal.property !== undefined && node?.type === 'Identifier' && node.name === signal.binding;
}

function isMember(node: Node): boolean {
  return node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression';
}

/**
 * Visits the expressions in `node` (member names, non-computed keys and types skipped), stopping
 * at the first for which `test` holds; a node that matches is not descended into.
 */
function someNode(node: Node, test: (node: Node, parent: Node) => boolean, parent?: Node): boolean {
  if (!node || typeof node !== 'object' || typeof node.type !== 'string') return false;
  if (node.type.startsWith('TS') && node.type !== 'TSAsExpression' && node.type !== 'TSNonNullExpression' && node.type !== 'TSSatisfiesExpression') return false;
  if (test(node, parent)) return true;
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'tokens' || key === 'comments' || key === 'typeAnnotation' || key === 'typeParameters') continue;
    if (key === 'property' && isMember(node) && !node.computed) continue;
    if (key === 'key' && !node.computed && !node.shorthand) continue;
    const value = node[key];
    const children: Node[] = Array.isArray(value) ? value : [value];
    if (children.some((child) => someNode(child, test, node))) return true;
  }
  return false;
}
