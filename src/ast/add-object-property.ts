type Node = any;

/**
 * The source of `object` with `property` (source text, e.g. `signal`) added as its last property,
 * laid out like its neighbours: on the same line in a one-line object, on a new line with the
 * same indentation in a multi-line one, keeping a trailing comma if the object has one.
 * Undefined for a node that is not from the input (no offsets into `source`).
 */
export function buildObjectWithProperty(source: string, object: Node, property: string): string | undefined {
  if (typeof object.start !== 'number' || typeof object.end !== 'number') return undefined;
  const text = source.slice(object.start, object.end);
  const properties = object.properties as Node[];
  const last = properties[properties.length - 1];
  if (!last) return `{ ${property} }`;
  const lastEnd = last.end - object.start;
  const between = text.slice(lastEnd, text.length - 1);
  const trailingComma = /^\s*,/.test(between) ? lastEnd + between.indexOf(',') + 1 : undefined;
  if (!text.includes('\n')) {
    return trailingComma === undefined
      ? `${text.slice(0, lastEnd)}, ${property}${text.slice(lastEnd)}`
      : `${text.slice(0, trailingComma)} ${property},${text.slice(trailingComma)}`;
  }
  const lineStart = source.lastIndexOf('\n', last.start - 1) + 1;
  const indent = /^[ \t]*/.exec(source.slice(lineStart, last.start))?.[0] ?? '';
  return trailingComma === undefined
    ? `${text.slice(0, lastEnd)},\n${indent}${property}${text.slice(lastEnd)}`
    : `${text.slice(0, trailingComma)}\n${indent}${property},${text.slice(trailingComma)}`;
}
