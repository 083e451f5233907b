type Node = any;

/**
 * Whether `node` sits apart from `site` in the input: neither on its lines nor on a line next to
 * them. A change there is a diff hunk of its own, which the report must name by a finding of its
 * own; a change next to the site merges into the site's hunk, which the site's finding names.
 * Nodes without input lines count as apart.
 */
export function isAwayFrom(node: Node, site: Node): boolean {
  const at = node?.loc;
  const from = site?.loc;
  if (!at || !from) return true;
  return at.start.line > from.end.line + 1 || at.end.line < from.start.line - 1;
}
