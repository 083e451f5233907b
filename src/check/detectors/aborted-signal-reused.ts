import type { ASTPath } from 'jscodeshift';
import { getEnclosingFunctions } from '../../ast/get-enclosing-functions.ts';
import { getFreshSignal } from '../../ast/get-fresh-signal.ts';
import { getNodeText } from '../../ast/get-node-text.ts';
import { getFunctionName } from '../../ast/get-function-name.ts';
import type { TransformContext, TransformMeta } from '../../types.ts';

type Node = any;

/**
 * A check-only detector: a signal slot that is combined with a fresh deadline and written back
 * to itself (`opts.signal = AbortSignal.any([opts.signal, AbortSignal.timeout(t)])`) on a path
 * that runs again (a loop, a retry that calls itself). The next attempt combines the previous
 * attempt's signal, whose deadline may already have fired: the retry is aborted before it
 * starts. The fix (keep the caller's signal apart, derive each attempt from it) moves state
 * across attempts: left to a human.
 */
export const meta: TransformMeta = {
  name: 'aborted-signal-reused',
  description: "Report retries that combine the previous attempt's signal (which may have fired) with a new deadline",
  mayApply: (source) => source.includes('AbortSignal.any') && source.includes('signal'),
  rule: 'aborted-signal-reused',
};

const MESSAGES = {
  site: (slot: string) =>
    `${slot} takes in the previous attempt's signal each time this runs again; read it once before the first attempt and derive each attempt's signal from that`,
} as const;

export function transform(ctx: TransformContext): void {
  const { j, root } = ctx;
  root.find(j.CallExpression, { callee: { object: { name: 'AbortSignal' }, property: { name: 'any' } } }).forEach((path) => {
    const members = ((path.node as Node).arguments[0]?.elements ?? []) as Node[];
    // Only a combination with a deadline or a controller made here: the part that fires on its own.
    if (!members.some((member) => getFreshSignal(j, path, member))) return;
    const slot = getWrittenSlot(path);
    if (!slot) return;
    if (!members.some((member) => member && getNodeText(member) === slot)) return;
    if (!runsAgain(ctx, path)) return;
    ctx.manual(path, MESSAGES.site(slot));
  });
}

/**
 * The text of the slot the combined signal is written to: `opts.signal` in `opts.signal = ...`
 * or `opts = { ...opts, signal: ... }`, possibly behind a `cond ? any : other`.
 */
function getWrittenSlot(path: ASTPath): string | undefined {
  let current: ASTPath = path;
  while (current.parentPath && (current.parentPath.node as Node).type === 'ConditionalExpression') current = current.parentPath;
  const parent = current.parentPath?.node as Node;
  if (parent?.type === 'AssignmentExpression' && parent.right === current.node && parent.left.type === 'MemberExpression') {
    return getNodeText(parent.left);
  }
  // `{ ...opts, signal: any([...opts.signal...]) }` assigned back to `opts`.
  const object = current.parentPath?.parentPath?.parentPath?.node as Node;
  const assignment = current.parentPath?.parentPath?.parentPath?.parentPath?.node as Node;
  const isSignalProperty = parent?.type === 'ObjectProperty' || parent?.type === 'Property' ? parent.key?.name === 'signal' && parent.value === current.node : false;
  if (!isSignalProperty || object?.type !== 'ObjectExpression') return undefined;
  if (assignment?.type !== 'AssignmentExpression' || assignment.right !== object || assignment.left.type !== 'Identifier') return undefined;
  const target = assignment.left.name as string;
  const spreadsTarget = object.properties.some((property: Node) => property.type === 'SpreadElement' && property.argument.type === 'Identifier' && property.argument.name === target);
  return spreadsTarget ? `${target}.signal` : undefined;
}

/**
 * Inside a loop of the same function, or in a function that calls itself by name or `this.name`,
 * directly or through a function of the file it calls (`send` calls `onError`, which retries with
 * `send(...)`).
 */
function runsAgain(ctx: TransformContext, path: ASTPath): boolean {
  const functionPath = getEnclosingFunctions(path)[0];
  for (let current = path.parentPath as ASTPath | null; current && current !== functionPath; current = current.parentPath) {
    if (/^(For|ForIn|ForOf|While|DoWhile)Statement$/.test((current.node as Node).type)) return true;
  }
  if (!functionPath) return false;
  const name = getFunctionName(functionPath);
  if (!name) return false;
  const body = (functionPath.node as Node).body;
  const called = getCalls(body);
  if (called.names.has(name) || called.thisMethods.has(name)) return true;
  return [...called.names].some((callee) => {
    const helper = getOnlyFunctionNamed(ctx, callee);
    return helper !== undefined && helper !== functionPath.node && getCalls(helper.body).names.has(name);
  });
}

/** The names a node calls: `name(...)` and `this.name(...)`, nested functions included. */
function getCalls(root: Node): { names: Set<string>; thisMethods: Set<string> } {
  const names = new Set<string>();
  const thisMethods = new Set<string>();
  const visit = (node: Node): void => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'CallExpression') {
      const callee = node.callee;
      if (callee.type === 'Identifier') names.add(callee.name);
      else if (callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression' && !callee.computed) {
        const method = callee.property.name ?? callee.property.id?.name;
        if (method) thisMethods.add(method);
      }
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'tokens' || key === 'comments') continue;
      const value = node[key];
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && typeof value.type === 'string') visit(value);
    }
  };
  visit(root);
  return { names, thisMethods };
}

/** The one function of the file declared under `name` (`function name`, `const name = () => ...`); none if there are several. */
function getOnlyFunctionNamed(ctx: TransformContext, name: string): Node | undefined {
  const { j, root } = ctx;
  const found: Node[] = [];
  root.find(j.FunctionDeclaration, { id: { name } }).forEach((path) => {
    found.push(path.node);
  });
  root.find(j.VariableDeclarator, { id: { type: 'Identifier', name } }).forEach((path) => {
    const init = (path.node as Node).init;
    if (init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression') found.push(init);
  });
  return found.length === 1 ? found[0] : undefined;
}
