import type { ASTPath } from 'jscodeshift';
import { buildAnySignalText } from '../src/ast/build-timeout-signal.ts';
import { getCallerSignal } from '../src/ast/get-caller-signal.ts';
import { getEnclosingFunctions } from '../src/ast/get-enclosing-functions.ts';
import { getNodeText } from '../src/ast/get-node-text.ts';
import { getFreshSignal } from '../src/ast/get-fresh-signal.ts';
import { getBindingReferences } from '../src/ast/get-references.ts';
import { isGlobalReference } from '../src/ast/is-global-reference.ts';
import { isWithin } from '../src/ast/is-within.ts';
import { parseExpression } from '../src/ast/parse-snippet.ts';
import { withComments } from '../src/ast/replace-node.ts';
import { createJscodeshiftTransform } from '../src/engine/adapter.ts';
import { getDeclaredMemberType, getParamTarget, isAbortSignalType, mayHaveSignal, withoutNullish } from '../src/scope/get-signal-in-scope.ts';
import type { TransformContext, TransformMeta } from '../src/types.ts';

type Node = any;

export const meta: TransformMeta = {
  name: 'derive-signal',
  description:
    "Derive a fresh signal (AbortSignal.timeout, a local controller's) from the caller's signal it replaces, with AbortSignal.any, so that the caller's abort still reaches the call",
  // A fresh signal is one of these; a caller's signal needs one of mayHaveSignal's words.
  mayApply: (source) => mayHaveSignal(source) && /AbortSignal\.(timeout|any)|AbortController/.test(source),
  rule: 'replaced-signal',
};

const MESSAGES = {
  derived: (caller: string, fresh: string) => `${fresh} replaced ${caller}; it now follows ${caller} too (AbortSignal.any)`,
  unsupported: (caller: string, fresh: string, reason: string) =>
    `${fresh} replaces ${caller}, so the caller's abort never reaches this call; ${reason}: combine them by hand`,
  instance: (caller: string, fresh: string) =>
    `${fresh} replaces ${caller}, the signal of whoever created or configured the object, not of this method's caller; if it should end this call too, combine them by hand (AbortSignal.any)`,
} as const;

/** A comment that says the fresh signal leaves the caller's out on purpose. */
const DETACH_COMMENT = /\b(detach|deliberate|intentional|on purpose|outlive|independent(ly)? of the caller|ignore[sd]? the caller)/i;

/** The caller's signal a fresh one replaces, as the expression to read it with. */
interface CallerSignal {
  readonly expression: string;
  /** The binding it is read from (`signal`, `init`, `request`), and whether it is a bag's property. */
  readonly binding: string;
  readonly property: boolean;
  /** Members read between `binding` and `signal`: `['options']` for `context.options.signal`. */
  readonly members?: readonly string[];
  /**
   * `this.<field>.signal` in a method: the instance's signal, given by whoever created or
   * configured the object, not by this method's caller. Reported for review, never rewritten.
   */
  readonly instance?: boolean;
  readonly mayBeUndefined: boolean;
  readonly functionPath: ASTPath;
}

/** Where a fresh signal takes the caller's place. */
interface Site {
  /** The node whose value is the fresh signal: an object property or an assignment. */
  readonly path: ASTPath;
  /** The fresh signal expression, replaced in place. */
  readonly value: Node;
  readonly caller: CallerSignal;
}

export function transform(ctx: TransformContext): void {
  for (const site of getSites(ctx)) {
    const fresh = getNodeText(site.value) ?? 'a new signal';
    if (!isGlobalReference(site.path, 'AbortSignal')) continue;
    if (site.caller.instance) {
      ctx.manual(site.path, MESSAGES.instance(site.caller.expression, fresh), 'replaced-instance-signal');
      continue;
    }
    const built = buildAnySignalText(ctx.options, site.caller, fresh);
    if (built.kind === 'unsupported') {
      ctx.manual(site.path, MESSAGES.unsupported(site.caller.expression, fresh, built.reason));
      continue;
    }
    replaceValue(site, withComments(site.value, parseExpression(ctx.j, built.text)));
    ctx.edit(site.path, MESSAGES.derived(site.caller.expression, fresh));
  }
}

export default createJscodeshiftTransform({ meta, transform });

/**
 * `{ ..., signal: <fresh> }` and `<bag>.signal = <fresh>` in a function whose caller passed a
 * signal it never reads otherwise: the fresh signal is all the call gets.
 */
function getSites(ctx: TransformContext): Site[] {
  const { j, index } = ctx;
  const sites: Site[] = [];
  index.find(j.ObjectExpression).forEach((objectPath) => {
    for (const property of (objectPath.node as Node).properties as Node[]) {
      if (!isSignalProperty(property)) continue;
      const path = objectPath.get('properties', (objectPath.node as Node).properties.indexOf(property)) as ASTPath;
      const site = getSite(ctx, path, property.value, objectPath);
      if (site) sites.push(site);
    }
  });
  index.find(j.AssignmentExpression, undefined, { operator: '=', left: { property: { name: 'signal' } } }).forEach((path) => {
    const node = path.node as Node;
    if (node.left.type !== 'MemberExpression' || node.left.computed) return;
    // Only the caller's own bag: `options.signal = fresh` where `options` is a parameter, or a
    // member of one (`context.options.signal = fresh`). A `this` field is the object's own state.
    const chain = getMemberChain(node.left.object);
    if (!chain) return;
    const name = chain[0]!;
    const members = chain.slice(1);
    const inScope = getReplacedSignal(ctx, path, undefined);
    const matches = inScope?.property && !inScope.instance && inScope.binding === name && sameMembers(inScope.members ?? [], members);
    const found = matches ? inScope : members.length === 0 ? getParameterBagSignal(ctx, path, name) : members.length === 1 ? getParameterMemberSignal(ctx, path, name, members[0]!, false) : undefined;
    if (!found) return;
    // The assignment itself shows the bag is there: read the slot as the code writes it.
    const caller = { ...found, expression: getNodeText(node.left) ?? found.expression };
    const site = getSite(ctx, path, node.right, undefined, caller);
    if (site) sites.push(site);
  });
  return sites;
}

function getSite(ctx: TransformContext, path: ASTPath, value: Node, objectPath: ASTPath | undefined, known?: CallerSignal): Site | undefined {
  const fresh = getFreshSignal(ctx.j, path, value);
  if (!fresh) return undefined;
  const caller = known ?? getReplacedSignal(ctx, path, objectPath);
  if (!caller || isDetachedOnPurpose(path)) return undefined;
  if (objectPath && isUpdaterResult(objectPath, caller)) return undefined;
  if (readsCallerSignal(ctx, caller, path, objectPath)) return undefined;
  return { path, value, caller };
}

function isSignalProperty(property: Node): boolean {
  return (
    (property.type === 'ObjectProperty' || property.type === 'Property') &&
    !property.computed &&
    ((property.key.type === 'Identifier' && property.key.name === 'signal') || (property.key.type === 'StringLiteral' && property.key.value === 'signal'))
  );
}

/**
 * The caller's signal in scope (a signal parameter, a typed options bag, a Request), or, for an
 * object that spreads a parameter and then sets `signal`, that parameter's `signal`: setting the
 * key after the spread says the bag carries one.
 */
function getReplacedSignal(ctx: TransformContext, path: ASTPath, objectPath: ASTPath | undefined): CallerSignal | undefined {
  const inScope = getCallerSignal(ctx.j, ctx.root, path, { nested: true });
  const found: CallerSignal | undefined = inScope && {
    expression: inScope.expression,
    binding: inScope.binding,
    property: inScope.property !== undefined,
    ...(inScope.members ? { members: inScope.members } : {}),
    ...(inScope.binding === 'this' ? { instance: true } : {}),
    mayBeUndefined: inScope.mayBeUndefined || inScope.mayBeNull === true,
    functionPath: inScope.functionPath,
  };
  // A parameter or its own `signal` comes first; a spread the fresh `signal` overrides says best
  // which bag it replaces, before a signal further down.
  if (found && !found.members) return found;
  return (objectPath ? getSpreadParameterSignal(ctx, path, objectPath) : undefined) ?? found;
}

/** `{ ...init, signal }` and `{ ...context.options, signal }`: the parameter (member) spread before the key. */
function getSpreadParameterSignal(ctx: TransformContext, path: ASTPath, objectPath: ASTPath): CallerSignal | undefined {
  const properties = (objectPath.node as Node).properties as Node[];
  for (const spread of properties.slice(0, properties.indexOf(path.node))) {
    if (spread.type !== 'SpreadElement') continue;
    const argument = spread.argument as Node;
    if (argument.type === 'Identifier') {
      const caller = getParameterBagSignal(ctx, path, argument.name);
      if (caller) return caller;
      continue;
    }
    const chain = getMemberChain(argument);
    if (chain?.length !== 2) continue;
    const caller = getParameterMemberSignal(ctx, path, chain[0]!, chain[1]!, argument.optional === true || argument.object?.optional === true);
    if (caller) return caller;
  }
  return undefined;
}

/**
 * `name.member?.signal` when `name` is, at `site`, a parameter of an enclosing function and the
 * object `site` is in spreads `name.member` (or assigns its `signal`): `name` holds a value there.
 * A typed parameter needs a type read here that gives `member` a `signal`; `member` itself may be
 * missing (a spread of undefined is allowed), so its `signal` is read with `?.`.
 */
function getParameterMemberSignal(ctx: TransformContext, site: ASTPath, name: string, member: string, optionalBase: boolean): CallerSignal | undefined {
  for (const functionPath of getEnclosingFunctions(site)) {
    const param = ((functionPath.node as Node).params as Node[]).find((p) => getParamIdentifier(p)?.name === name);
    if (!param) continue;
    if ((site as Node).scope?.lookup(name)?.node !== functionPath.node) return undefined;
    const annotation = getParamIdentifier(param).typeAnnotation?.typeAnnotation;
    if (annotation) {
      const memberType = getDeclaredMemberType(ctx.j, ctx.root, annotation, member);
      const signalType = memberType && getDeclaredMemberType(ctx.j, ctx.root, withoutNullish(memberType), 'signal');
      if (!signalType || !(isAbortSignalType(signalType) || signalType.type === 'TSAnyKeyword')) return undefined;
    }
    return { expression: `${name}${optionalBase ? '?.' : '.'}${member}?.signal`, binding: name, property: true, members: [member], mayBeUndefined: true, functionPath };
  }
  return undefined;
}

/** `a`, `a.b`, `a?.b`: the names from the root identifier down; undefined for anything else. */
function getMemberChain(node: Node): string[] | undefined {
  if (node?.type === 'Identifier') return [node.name];
  if ((node?.type !== 'MemberExpression' && node?.type !== 'OptionalMemberExpression') || node.computed || node.property.type !== 'Identifier') return undefined;
  const base = getMemberChain(node.object);
  return base && [...base, node.property.name];
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, at) => name === b[at]);
}

/**
 * `name.signal` when `name` is, at `site`, a parameter of an enclosing function whose type (if
 * any) has a `signal`: `bag.signal` on a type without one does not compile.
 */
function getParameterBagSignal(ctx: TransformContext, site: ASTPath, name: string): CallerSignal | undefined {
  for (const functionPath of getEnclosingFunctions(site)) {
    const param = ((functionPath.node as Node).params as Node[]).find((p) => getParamIdentifier(p)?.name === name);
    if (!param) continue;
    if ((site as Node).scope?.lookup(name)?.node !== functionPath.node) return undefined;
    const identifier = getParamIdentifier(param);
    const annotation = identifier.typeAnnotation?.typeAnnotation;
    if (annotation && !getDeclaredMemberType(ctx.j, ctx.root, annotation, 'signal')) return undefined;
    // Untyped, it may be left out by the caller, as a spread allows.
    const optional = param.type !== 'AssignmentPattern' && (!annotation || identifier.optional || isNullableAnnotation(annotation));
    return { expression: `${name}${optional ? '?.' : '.'}signal`, binding: name, property: true, mayBeUndefined: true, functionPath };
  }
  return undefined;
}

function getParamIdentifier(param: Node): Node | undefined {
  const target = getParamTarget(param);
  return target?.type === 'Identifier' ? target : undefined;
}

function isNullableAnnotation(annotation: Node): boolean {
  return annotation?.type === 'TSUnionType' && annotation.types.some((t: Node) => t.type === 'TSUndefinedKeyword' || t.type === 'TSNullKeyword');
}

/**
 * True when the function reads the caller's signal anywhere but the slot the fresh signal
 * takes: it may already link the two (`addEventListener('abort', ...)`, `AbortSignal.any`, a
 * helper it is passed to), so deriving again would only repeat it. For a bag, a read is
 * `bag.signal`, destructuring it, or passing the bag on; the spread the fresh `signal` overrides,
 * the call that gets that object, and other properties (`bag.headers`) are not. A signal further
 * down (`context.options.signal`, `this.config.signal`) is read likewise at every level: passing
 * `context` or `context.options` on, or writing `this.config`, is a read; `context.headers` is not.
 */
function readsCallerSignal(ctx: TransformContext, caller: CallerSignal, site: ASTPath, objectPath: ASTPath | undefined): boolean {
  const within = caller.functionPath.node as Node;
  const overridden = new Set<Node>();
  if (objectPath) {
    const object = objectPath.node as Node;
    for (const property of object.properties.slice(0, object.properties.indexOf(site.node))) {
      if (property.type === 'SpreadElement') overridden.add(property.argument);
    }
    const call = objectPath.parentPath?.node as Node;
    if ((call?.type === 'CallExpression' || call?.type === 'NewExpression') && call.arguments.includes(object)) {
      for (const arg of call.arguments) if (arg !== object) overridden.add(arg);
    }
  }
  const siteStart = (site.node as Node).start as number;
  // The names read from the binding down to the signal: none for a signal parameter itself.
  const chain = [...(caller.members ?? []), ...(caller.property ? ['signal'] : [])];
  const references = caller.instance ? getOwnThis(ctx, caller.functionPath) : getBindingReferences(ctx.j, ctx.root, site, caller.binding);
  return references.some((reference) => {
    // The parameter list declares it (a shorthand `{ signal }` pattern's key looks like a read).
    if (!isWithin(reference, [within]) || isWithin(reference, within.params)) return false;
    let current = reference;
    for (let depth = 0; ; depth++) {
      const node = current.node as Node;
      if (overridden.has(node)) return false;
      if (depth === chain.length) {
        // The slot `bag.signal = fresh` writes is not a read of it.
        const parent = current.parentPath?.node as Node;
        return depth === 0 || !(parent?.type === 'AssignmentExpression' && parent.left === node && parent === site.node);
      }
      const parent = current.parentPath?.node as Node;
      const isMember = (parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.object === node && !parent.computed;
      if (isMember) {
        if (parent.property.name !== chain[depth]) return false;
        current = current.parentPath as ASTPath;
        continue;
      }
      if (isDestructuredWithout(current, chain[depth]!)) return false;
      // The bag passed on whole: before an assignment to its slot it still carries the caller's signal.
      return site.node.type !== 'AssignmentExpression' || (node.start as number) < siteStart;
    }
  });
}

/** `this` in the method itself and in arrow functions inside it (a `function` has its own). */
function getOwnThis(ctx: TransformContext, functionPath: ASTPath): ASTPath[] {
  const found: ASTPath[] = [];
  ctx.index.find(ctx.j.ThisExpression, functionPath).forEach((path) => {
    const owner = getEnclosingFunctions(path).find((fn) => (fn.node as Node).type !== 'ArrowFunctionExpression');
    if (owner?.node === functionPath.node) found.push(path);
  });
  return found;
}

/** `const { timeout = 5000 } = options`: reads other keys only (no `key`, no `...rest` that keeps it). */
function isDestructuredWithout(reference: ASTPath, key: string): boolean {
  const parent = reference.parentPath?.node as Node;
  if (parent?.type !== 'VariableDeclarator' || parent.init !== reference.node || parent.id.type !== 'ObjectPattern') return false;
  return (parent.id.properties as Node[]).every(
    (property) => (property.type === 'ObjectProperty' || property.type === 'Property') && !property.computed && property.key.type === 'Identifier' && property.key.name !== key,
  );
}

/**
 * `setOptions((prev) => ({ ...prev, signal: controller.signal }))`: a callback that returns new
 * options made from the previous ones it is given. Its parameter is the previous state, not a
 * caller's signal: the new signal is meant to replace the old one (which may have aborted; deriving
 * from it would abort every later call at once).
 */
function isUpdaterResult(objectPath: ASTPath, caller: CallerSignal): boolean {
  const fn = caller.functionPath.node as Node;
  if (!caller.property || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) return false;
  const call = (caller.functionPath as Node).parent?.node as Node;
  if ((call?.type !== 'CallExpression' && call?.type !== 'NewExpression') || !call.arguments.includes(fn)) return false;
  const object = objectPath.node as Node;
  const returned = fn.body === object || ((objectPath as Node).parent?.node?.type === 'ReturnStatement' && getEnclosingFunctions(objectPath)[0]?.node === fn);
  const spreadsPrevious = (object.properties as Node[]).some((property) => property.type === 'SpreadElement' && getMemberChain(property.argument)?.[0] === caller.binding);
  return returned && spreadsPrevious;
}

/** A comment on the property, its statement or the function saying the detach is wanted. */
function isDetachedOnPurpose(path: ASTPath): boolean {
  for (let current: ASTPath | null = path; current; current = current.parentPath) {
    const comments = ((current.node as Node)?.comments ?? []) as Node[];
    if (comments.some((comment) => DETACH_COMMENT.test(comment.value))) return true;
    if (/Statement$|Declaration$/.test((current.node as Node)?.type ?? '')) break;
  }
  return false;
}

function replaceValue(site: Site, replacement: Node): void {
  const node = site.path.node as Node;
  if (node.type === 'AssignmentExpression') node.right = replacement;
  else {
    node.value = replacement;
    node.shorthand = false;
  }
}
