import { structuredPatch, type StructuredPatch } from 'diff';

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

/** A diff hunk of `before` -> `after` (no context) with the reported sites that account for it. */
export interface SitedHunk<T extends ReportedSite> {
  readonly hunk: StructuredPatch['hunks'][number];
  /** The sites whose lines meet the hunk's (see `getHunkSites`). */
  readonly sites: readonly T[];
}

/**
 * The diff hunks of `before` -> `after` (no context), each with the reported sites that account
 * for it: a site accounts for a hunk when its lines (1-based, in `before`) meet the input lines
 * the hunk replaces or, for a pure insertion, the line above or below it (blank lines next to a
 * hunk count as the hunk's: a diff may draw it on either side of them).
 */
export function getHunkSites<T extends ReportedSite>(before: string, after: string, reported: readonly T[]): { patch: StructuredPatch; hunks: SitedHunk<T>[] } {
  const lines = before.split('\n');
  const isBlank = (line: number) => line >= 1 && line <= lines.length && lines[line - 1]!.trim() === '';
  const patch = structuredPatch('before', 'after', before, after, undefined, undefined, { context: 0 });
  const hunks = patch.hunks.map((hunk) => {
    // jsdiff gives a pure insertion the input line it goes before.
    let [first, last] = hunk.oldLines === 0 ? [hunk.oldStart - 1, hunk.oldStart] : [hunk.oldStart, hunk.oldStart + hunk.oldLines - 1];
    // A diff may draw a change on either side of the blank lines around it.
    while (isBlank(first)) first--;
    while (isBlank(last)) last++;
    return { hunk, sites: reported.filter((site) => site.line <= last && (site.endLine ?? site.line) >= first) };
  });
  return { patch, hunks };
}

/**
 * The diff hunks of `before` -> `after` (no context) that no reported site accounts for (see
 * `getHunkSites`). A reader who checks the diff against the report finds every change named.
 */
export function getUnaccountedHunks(before: string, after: string, reported: readonly ReportedSite[]): UnaccountedHunk[] {
  return getHunkSites(before, after, reported)
    .hunks.filter(({ sites }) => sites.length === 0)
    .map(({ hunk }) => ({ line: hunk.oldStart, count: hunk.oldLines, lines: hunk.lines }));
}
