type Node = any;

interface Lines {
  slice(start: unknown, end: unknown): { toString(): string };
}

/**
 * A node's source text as written. Not `source.slice(node.start, node.end)`: recast parses a
 * copy of the file with tabs expanded, so Babel's offsets do not index the original text; the
 * `loc.lines` recast attaches do. Undefined for nodes built without a location.
 */
export function getNodeText(node: Node): string | undefined {
  const loc = node?.loc as { lines?: Lines; start: unknown; end: unknown } | undefined;
  return loc?.lines ? loc.lines.slice(loc.start, loc.end).toString() : undefined;
}

/** The whitespace before `node` on its line (tabs kept), or undefined without a location. */
export function getIndentation(node: Node): string | undefined {
  const loc = node?.loc as { lines?: Lines; start: { line: number } } | undefined;
  if (!loc?.lines) return undefined;
  const before = loc.lines.slice({ line: loc.start.line, column: 0 }, loc.start).toString();
  return /^[ \t]*/.exec(before)?.[0] ?? '';
}
