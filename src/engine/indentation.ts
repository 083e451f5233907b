import { diffLines } from 'diff';

/** recast's default: it reads a tab of the indentation as this many columns, and prints levels of it. */
const RECAST_TAB_WIDTH = 4;

/**
 * recast measures indentation in columns and writes what it prints or moves with spaces, even
 * under `useTabs` (a new statement in a tab-indented block, the line before it): in a file
 * indented with tabs, the lines the printer added or changed get tabs for each full level back.
 * Lines the edit did not touch are not looked at.
 */
export function matchTabIndentation(source: string, output: string): string {
  if (output === source || !isTabIndented(source)) return output;
  let text = '';
  for (const part of diffLines(source, output)) {
    if (part.removed) continue;
    text += part.added ? part.value.replace(/^[ \t]+/gm, toTabs) : part.value;
  }
  return text;
}

function isTabIndented(source: string): boolean {
  return (source.match(/^\t/gm)?.length ?? 0) > (source.match(/^ {2}/gm)?.length ?? 0);
}

/** Whitespace as full tabs, then the spaces that align within a level (` * ` of a JSDoc line). */
function toTabs(indent: string): string {
  let columns = 0;
  for (const char of indent) columns = char === '\t' ? (Math.floor(columns / RECAST_TAB_WIDTH) + 1) * RECAST_TAB_WIDTH : columns + 1;
  return '\t'.repeat(Math.floor(columns / RECAST_TAB_WIDTH)) + ' '.repeat(columns % RECAST_TAB_WIDTH);
}
