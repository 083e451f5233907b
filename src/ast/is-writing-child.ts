import type { ASTPath } from 'jscodeshift';
import { isFunctionNode } from './get-enclosing-functions.ts';
import { isMemberOf } from './is-signal-read.ts';

type Node = any;

const SPAWNS = new Set(['spawn', 'fork', 'execFile']);

/**
 * `const child = spawn(writer, [path]); child.stdin.write(content); child.stdin.end();` with
 * nothing reading `child.stdout`: a process that only takes data from this one (a sandboxed file
 * write). Killed on abort, it would cut that write short and leave a truncated file, like
 * `writeFile` given a signal. A child whose output is read (or inherited) is work to stop.
 */
export function isWritingChild(path: ASTPath, callee: string): boolean {
  if (!SPAWNS.has(callee.split('.').at(-1) ?? '')) return false;
  const call = path.node as Node;
  const declarator = path.parentPath?.node as Node;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== call || declarator.id.type !== 'Identifier') return false;
  if (call.arguments.some((arg: Node) => arg?.type === 'ObjectExpression' && arg.properties.some((p: Node) => p.key?.name === 'stdio'))) return false;
  const name = declarator.id.name;
  const owner = getOwner(path);
  if (!owner) return false;
  let writes = false;
  let readsOutput = false;
  // Nested functions too: listeners on the child are where its output is read.
  const visit = (node: Node): void => {
    if (!node || typeof node.type !== 'string') return;
    if (isMemberOf(node, node.property?.name) && !node.computed && node.object?.type === 'Identifier' && node.object.name === name) {
      if (node.property.name === 'stdout') readsOutput = true;
      if (node.property.name === 'stdin') writes = true;
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'tokens' || key === 'comments' || key === 'typeAnnotation') continue;
      const value = node[key];
      if (Array.isArray(value)) for (const item of value) visit(item);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(owner.body);
  return writes && !readsOutput;
}

function getOwner(path: ASTPath): Node | undefined {
  for (let current = path.parentPath as ASTPath | null; current; current = current.parentPath) {
    if (current.node && isFunctionNode(current.node as Node)) return current.node;
  }
  return undefined;
}

