import { getIndentation, getNodeText } from './get-node-text.ts';

type Node = any;

/**
 * The source of `object` with `property` (source text, e.g. `signal`) added as its last property,
 * laid out like its neighbours: on the same line in a one-line object, on a new line with the
 * same indentation in a multi-line one, keeping a trailing comma if the object has one.
 * Undefined for a node that has no source text.
 */
export function buildObjectWithProperty(object: Node, property: string): string | undefined {
  const text = getNodeText(object);
  if (text === undefined) return undefined;
  const properties = object.properties as Node[];
  const last = properties[properties.length - 1];
  if (!last) return `{ ${property} }`;
  const upToLast = getNodeText({ loc: { ...object.loc, end: last.loc?.end } });
  if (upToLast === undefined || !text.startsWith(upToLast)) return undefined;
  const lastEnd = upToLast.length;
  const between = text.slice(lastEnd, text.length - 1);
  const trailingComma = /^\s*,/.test(between) ? lastEnd + between.indexOf(',') + 1 : undefined;
  if (!text.includes('\n')) {
    return trailingComma === undefined
      ? `${text.slice(0, lastEnd)}, ${property}${text.slice(lastEnd)}`
      : `${text.slice(0, trailingComma)} ${property},${text.slice(trailingComma)}`;
  }
  const indent = getIndentation(last) ?? '';
  // A comment after the last property (`method: 'GET', // why`) stays on its line: the new
  // property goes on the next line, not between the property and its comment.
  const afterComma = trailingComma ?? lastEnd;
  const newline = text.indexOf('\n', afterComma);
  const lineEnd = newline < 0 ? afterComma : newline;
  const result =
    trailingComma === undefined
      ? `${text.slice(0, lastEnd)},${text.slice(lastEnd, lineEnd)}\n${indent}${property}${text.slice(lineEnd)}`
      : `${text.slice(0, lineEnd)}\n${indent}${property},${text.slice(lineEnd)}`;
  // recast indents a reused multi-line snippet by the indentation of the line it lands on: the
  // text must be relative to that line, as if it started at column 0.
  return dedent(result, getIndentation(object) ?? '');
}

function dedent(text: string, base: string): string {
  if (base === '') return text;
  return text
    .split('\n')
    .map((line, index) => (index > 0 && line.startsWith(base) ? line.slice(base.length) : line))
    .join('\n');
}
