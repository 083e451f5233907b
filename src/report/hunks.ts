import { structuredPatch } from 'diff';

export interface UnaccountedHunk {
  /** 1-based first line of the hunk in the input; for a pure insertion, the line it goes before. */
  readonly line: number;
  /** Input lines the hunk replaces (0 for a pure insertion). */
  readonly count: number;
  /** The hunk's `-`/`+` lines. */
  readonly lines: readonly string[];
}

/** The input lines a reported edit names: its line, through its `endLine` when it spans several. */
export interface ReportedSite {
  readonly line: number;
  readonly endLine?: number;
}

/**
 * The diff hunks of `before` -> `after` (no context) that no reported site accounts for: a hunk
 * is accounted for when the lines of one of `reported` (1-based, in `before`) meet the input
 * lines it replaces or, for a pure insertion, the line above or below it (blank lines next to a hunk
 * count as the hunk's: a diff may draw it on either side of them). A reader who checks the
 * diff against the report finds every change named.
 */
export function getUnaccountedHunks(before: string, after: string, reported: readonly ReportedSite[]): UnaccountedHunk[] {
  const lines = before.split('\n');
  const isBlank = (line: number) => line >= 1 && line <= lines.length && lines[line - 1]!.trim() === '';
  const { hunks } = structuredPatch('before', 'after', before, after, undefined, undefined, { context: 0 });
  const unaccounted: UnaccountedHunk[] = [];
  for (const hunk of hunks) {
    // jsdiff gives a pure insertion the input line it goes before.
    let [first, last] = hunk.oldLines === 0 ? [hunk.oldStart - 1, hunk.oldStart] : [hunk.oldStart, hunk.oldStart + hunk.oldLines - 1];
    // A diff may draw a change on either side of the blank lines around it.
    while (isBlank(first)) first--;
    while (isBlank(last)) last++;
    if (reported.some((site) => site.line <= last && (site.endLine ?? site.line) >= first)) continue;
    unaccounted.push({ line: hunk.oldStart, count: hunk.oldLines, lines: hunk.lines });
  }
  return unaccounted;
}
