import { applyPatch } from 'diff';
import { isSuppressed, type Suppressions } from '../check/suppressions.ts';
import { getFindingRuleId } from '../registry.ts';
import { getHunkSites, type SitedHunk } from '../report/hunks.ts';
import type { Finding } from '../types.ts';

/**
 * `printed`: the text with the edits no suppression covers. `withheld`: those edits could not be
 * kept apart from the suppressed ones (the text left would not parse or would change what a name
 * means): the caller runs the file again without these transforms; `findings` are theirs.
 */
export type SuppressedEdits =
  | { readonly printed: string; readonly findings: Finding[] }
  | { readonly withheld: readonly string[]; readonly findings: Finding[] };

export const SUPPRESSION_MESSAGES = {
  sharedLines: 'not made: its change shares lines with a suppressed site',
  withheld: "not made: this transform's edits to the file could not be kept apart from a suppressed site's",
} as const;

/**
 * Suppressions bind `migrate` as `eslint-disable` binds `eslint --fix`: an edit at a site that a
 * `ctxmod-ignore-next-line` or `ctxmod-disable` comment covers for the site's rule (the one
 * `ctxmod check` reports it under) is not made. The transforms edit a shared tree, so the edits are
 * taken apart on the diff: each hunk of `source` -> `printed` goes with the sites whose lines it
 * touches. A hunk with a suppressed site is left out, and so is every other edit in it (their
 * changes cannot be told apart) and every other hunk of those edits (half an edit is worse than
 * none); a hunk only consequences account for (an import added) goes when no edit of its
 * transform is left. `isSafe` is the safety net on what is left. Suppressed sites are listed as
 * such, review notes and reports included.
 */
export function suppressEdits(
  source: string,
  printed: string,
  findings: readonly Finding[],
  suppressions: Suppressions,
  isSafe: (text: string, findings: readonly Finding[]) => boolean,
): SuppressedEdits {
  const covered = new Set(findings.filter((finding) => !finding.consequence && isSuppressed(suppressions, finding.line, getFindingRuleId(finding))));
  const markCovered = (finding: Finding): Finding => (covered.has(finding) ? { ...finding, kind: 'manual', suppressed: true } : finding);
  const blocked = new Set([...covered].filter((finding) => finding.kind === 'edit'));
  if (blocked.size === 0 || printed === source) return { printed, findings: findings.map(markCovered) };

  const sited = getHunkSites(source, printed, findings.filter((finding) => finding.kind === 'edit'));
  const { patch } = sited;
  const hunks = sited.hunks.flatMap(splitReplacement);
  const isOwn = (finding: Finding) => !finding.consequence;
  // Until no hunk adds a blocked edit: one that shares a hunk with a blocked one is blocked too.
  for (let grown = true; grown; ) {
    grown = false;
    for (const { sites } of hunks) {
      const own = sites.filter(isOwn);
      if (!own.some((site) => blocked.has(site))) continue;
      for (const site of own) {
        if (blocked.has(site)) continue;
        blocked.add(site);
        grown = true;
      }
    }
  }
  const keptTransforms = new Set(findings.filter((finding) => finding.kind === 'edit' && isOwn(finding) && !blocked.has(finding)).map((finding) => finding.transform));
  const isKept = ({ sites }: (typeof hunks)[number]) => {
    const own = sites.filter(isOwn);
    if (own.length > 0) return !own.some((site) => blocked.has(site));
    return sites.length === 0 || sites.some((site) => keptTransforms.has(site.transform));
  };
  const kept = hunks.filter(isKept);
  const keptSites = new Set(kept.flatMap(({ sites }) => sites));
  const droppedSites = new Set(hunks.filter((hunk) => !isKept(hunk)).flatMap(({ sites }) => sites));

  const result = findings.flatMap((finding): Finding[] => {
    if (covered.has(finding)) return [markCovered(finding)];
    if (blocked.has(finding)) return [{ ...finding, kind: 'manual', message: `${finding.message} (${SUPPRESSION_MESSAGES.sharedLines})` }];
    // A consequence of edits that were not made is no change either.
    if (finding.consequence && droppedSites.has(finding) && !keptSites.has(finding)) return [];
    return [finding];
  });
  const text = applyPatch(source, { ...patch, hunks: kept.map(({ hunk }) => hunk) });
  if (text !== false && (text === source || isSafe(text, result))) return { printed: text, findings: result };

  const withheld = [...new Set([...covered].filter((finding) => finding.kind === 'edit').map((finding) => finding.transform))];
  const theirs = findings.filter((finding) => withheld.includes(finding.transform) && !finding.consequence);
  return {
    withheld,
    findings: theirs.map((finding) =>
      covered.has(finding) || finding.kind !== 'edit' ? markCovered(finding) : { ...finding, kind: 'manual', message: `${finding.message} (${SUPPRESSION_MESSAGES.withheld})` },
    ),
  };
}

/**
 * A hunk that rewrites n adjacent lines in place, as n one-line hunks: the edits of neighbouring
 * lines (a suppressed call above an unsuppressed one) come apart. A line no site of its own
 * accounts for stays with every site of the whole hunk.
 */
function splitReplacement(sited: SitedHunk<Finding>): SitedHunk<Finding>[] {
  const { hunk, sites } = sited;
  const removed = hunk.lines.slice(0, hunk.oldLines);
  const added = hunk.lines.slice(hunk.oldLines);
  const isReplacement =
    hunk.oldLines > 1 && hunk.oldLines === hunk.newLines && hunk.lines.length === 2 * hunk.oldLines &&
    removed.every((line) => line.startsWith('-')) && added.every((line) => line.startsWith('+'));
  if (!isReplacement) return [sited];
  return removed.map((line, index) => {
    const at = hunk.oldStart + index;
    const own = sites.filter((site) => site.line <= at && (site.endLine ?? site.line) >= at);
    return {
      hunk: { oldStart: at, oldLines: 1, newStart: hunk.newStart + index, newLines: 1, lines: [line, added[index]!] },
      sites: own.length > 0 ? own : sites,
    };
  });
}
