import { skipAssertions } from './skip-assertions.ts';

type Node = any;

/**
 * Replaces `target` among the call's arguments, inside one of their object literals, or behind
 * an argument's type assertion (`{ ...init } as RequestInit`).
 */
export function replaceNode(args: Node[], target: Node, replacement: Node): void {
  const index = args.indexOf(target);
  if (index >= 0) args[index] = withComments(target, replacement);
  else args.some((arg) => replaceInWrapper(arg, target, replacement) || (arg.type === 'ObjectExpression' && replaceInObject(arg, target, replacement)));
}

function replaceInWrapper(node: Node, target: Node, replacement: Node): boolean {
  for (let holder = node; holder && skipAssertions(holder) !== holder; holder = holder.expression) {
    if (holder.expression === target) {
      holder.expression = withComments(target, replacement);
      return true;
    }
  }
  return false;
}

function replaceInObject(object: Node, target: Node, replacement: Node): boolean {
  for (const property of object.properties) {
    if (property.value === target) {
      property.value = withComments(target, replacement);
      return true;
    }
    if (property.value?.type === 'ObjectExpression' && replaceInObject(property.value, target, replacement)) return true;
  }
  return false;
}

/** A comment on a replaced argument (`fetch(url, /* init *\/ {...})`) stays with its replacement. */
export function withComments(original: Node, replacement: Node): Node {
  if (!original?.comments?.length) return replacement;
  replacement.comments = original.comments;
  // recast prints a snippet node as written only while it matches the node it was parsed as;
  // giving that one the same comments keeps the snippet's own layout.
  if (replacement.original) replacement.original.comments = original.comments;
  return replacement;
}
