import { getFindingRule } from '../check/check.ts';
import { processSource } from '../engine/process-source.ts';
import { getTransform } from '../registry.ts';
import { getTextHunks, isHunkOfSite, type TextHunk } from '../report/hunks.ts';
import type { Finding } from '../types.ts';
import type { FileCheck } from './get-file-check.ts';

/** The edit that fixes a site: text replacements in the linted text. */
export interface SiteFix {
  readonly hunks: readonly TextHunk[];
  /** How many sites the hunks fix: more than this one when its edit cannot be told apart from the others'. */
  readonly sites: number;
}

const runs = new WeakMap<FileCheck, Map<string, Map<string, SiteFix> | undefined>>();

/**
 * The fix of an `edit` finding: what its transform alone writes to the file (`ctxmod run
 * <transform>`, safety net included), cut to this site's hunks. When a hunk belongs to no site or
 * to several (an import the edits share, a helper removed after its last use) the sites' edits
 * cannot be applied one at a time: each site's fix is then the transform's whole edit of the
 * file. A site suppressed by a ctxmod comment is never part of it: `processSource` leaves it out.
 */
export function getSiteFix(file: FileCheck, finding: Finding): SiteFix | undefined {
  if (finding.kind !== 'edit') return undefined;
  let byTransform = runs.get(file);
  if (!byTransform) runs.set(file, (byTransform = new Map()));
  if (!byTransform.has(finding.transform)) byTransform.set(finding.transform, getTransformFixes(file, finding.transform));
  return byTransform.get(finding.transform)?.get(getSiteKey(finding));
}

function getTransformFixes(file: FileCheck, name: string): Map<string, SiteFix> | undefined {
  const module = getTransform(name);
  if (!module) return undefined;
  const result = processSource(file.path, file.text, [module], file.options, true);
  if (result.status !== 'changed' || result.output === undefined) return undefined;
  const hunks = getTextHunks(file.text, result.output);
  const edits = result.findings.filter((finding) => finding.kind === 'edit');
  const sites = edits.filter((finding) => !finding.consequence);
  const lines = file.text.split('\n');
  const owners = hunks.map((hunk) => sites.filter((site) => isHunkOfSite(lines, hunk.first, hunk.last, site)));
  const separable = sites.length === edits.length && owners.every((owner) => owner.length === 1);
  const fixes = new Map<string, SiteFix>();
  if (separable) {
    for (const site of sites) fixes.set(getSiteKey(site), { hunks: hunks.filter((_, i) => owners[i]![0] === site), sites: 1 });
    return fixes;
  }
  for (const site of sites) fixes.set(getSiteKey(site), { hunks, sites: sites.length });
  return fixes;
}

function getSiteKey(finding: Finding): string {
  return `${finding.line}:${finding.column}:${getFindingRule(finding).id}`;
}
