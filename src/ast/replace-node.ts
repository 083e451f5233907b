type Node = any;

/** Replaces `target` among the call's arguments, or inside one of their object literals. */
export function replaceNode(args: Node[], target: Node, replacement: Node): void {
  const index = args.indexOf(target);
  if (index >= 0) args[index] = withComments(target, replacement);
  else args.some((arg) => arg.type === 'ObjectExpression' && replaceInObject(arg, target, replacement));
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
