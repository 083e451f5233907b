import { diffLines, structuredPatch, type StructuredPatch } from 'diff';

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
  const { hunks } = structuredPatch('before', 'after', before, after, undefined, undefined, { context: 0 });
  const unaccounted: UnaccountedHunk[] = [];
  for (const hunk of hunks) {
    // jsdiff gives a pure insertion the input line it goes before.
    const [first, last] = hunk.oldLines === 0 ? [hunk.oldStart - 1, hunk.oldStart] : [hunk.oldStart, hunk.oldStart + hunk.oldLines - 1];
    if (reported.some((site) => isHunkOfSite(lines, first, last, site))) continue;
    unaccounted.push({ line: hunk.oldStart, count: hunk.oldLines, lines: hunk.lines });
  }
  return unaccounted;
}

/** A diff hunk of `before` -> `after` (no context) with the reported sites that account for it. */
export interface SitedHunk<T extends ReportedSite> {
  readonly hunk: StructuredPatch['hunks'][number];
  /** The sites whose lines meet the hunk's (see `isHunkOfSite`). */
  readonly sites: readonly T[];
}

/** The diff hunks of `before` -> `after` (no context), each with the reported sites that account for it. */
export function getHunkSites<T extends ReportedSite>(before: string, after: string, reported: readonly T[]): { patch: StructuredPatch; hunks: SitedHunk<T>[] } {
  const lines = before.split('\n');
  const patch = structuredPatch('before', 'after', before, after, undefined, undefined, { context: 0 });
  const hunks = patch.hunks.map((hunk) => {
    // jsdiff gives a pure insertion the input line it goes before.
    const [first, last] = hunk.oldLines === 0 ? [hunk.oldStart - 1, hunk.oldStart] : [hunk.oldStart, hunk.oldStart + hunk.oldLines - 1];
    return { hunk, sites: reported.filter((site) => isHunkOfSite(lines, first, last, site)) };
  });
  return { patch, hunks };
}

/**
 * Whether the hunk that replaces input lines `first`..`last` (1-based; for a pure insertion, the
 * lines above and below it) belongs to `site`: the site's lines meet them, or meet them across
 * the blank lines around the hunk (a diff may draw a change on either side of those).
 */
export function isHunkOfSite(lines: readonly string[], first: number, last: number, site: ReportedSite): boolean {
  const isBlank = (line: number) => line >= 1 && line <= lines.length && lines[line - 1]!.trim() === '';
  while (isBlank(first)) first--;
  while (isBlank(last)) last++;
  return site.line <= last && (site.endLine ?? site.line) >= first;
}

/** A replacement of `before`'s characters `start`..`end` with `text`. */
export interface TextHunk {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The input lines it replaces, 1-based; for a pure insertion, the lines above and below it. */
  readonly first: number;
  readonly last: number;
}

/** `before` -> `after` as replacements, one per hunk of a line diff, each cut to the characters that differ. */
export function getTextHunks(before: string, after: string): TextHunk[] {
  const hunks: TextHunk[] = [];
  let offset = 0;
  let line = 1;
  let open: { start: number; line: number; removed: number; text: string } | undefined;
  const close = () => {
    if (!open) return;
    const [first, last] = open.removed === 0 ? [open.line - 1, open.line] : [open.line, open.line + open.removed - 1];
    // Only the characters that change: a fix that spans less meets fewer other fixes.
    const removed = before.slice(open.start, offset);
    let head = 0;
    while (head < removed.length && head < open.text.length && removed[head] === open.text[head]) head++;
    let tail = 0;
    while (tail < removed.length - head && tail < open.text.length - head && removed.at(-1 - tail) === open.text.at(-1 - tail)) tail++;
    hunks.push({ start: open.start + head, end: offset - tail, text: open.text.slice(head, open.text.length - tail), first, last });
    open = undefined;
  };
  for (const part of diffLines(before, after)) {
    if (!part.added && !part.removed) {
      close();
    } else {
      open ??= { start: offset, line, removed: 0, text: '' };
      if (part.added) open.text += part.value;
      else open.removed += part.count;
    }
    if (!part.added) {
      offset += part.value.length;
      line += part.count;
    }
  }
  close();
  return hunks;
}
