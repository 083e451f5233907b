import type { FileResult } from '../engine/process-file.ts';
import { compareByPath } from '../engine/run.ts';
import { getLineMapper } from '../report/line-map.ts';

/**
 * Adds the thread pass's results to the per-file report: findings of a file both passes touched
 * are concatenated (transforms first), a change or an error of either counts for the file, and a
 * file neither changed is skipped when a change set of the pass was not written in it. Files
 * the per-file run did not visit are left out. The pass's texts (`contents`, a run that writes
 * after a review or type check) replace the transforms': the pass continued from them.
 */
export function mergeThreadResults(perFile: readonly FileResult[], thread: readonly FileResult[]): FileResult[] {
  const files = new Map(perFile.map((file) => [file.path, file]));
  for (const result of thread) {
    const existing = files.get(result.path);
    // The program may hold more than the paths migrate was given (the tsconfig of a parent
    // directory): what lies outside them is not this run's business.
    if (!existing) continue;
    const status = existing.status === 'error' || result.status === 'error' ? 'error' : existing.status === 'changed' || result.status === 'changed' ? 'changed' : result.status === 'skipped' ? 'skipped' : existing.status;
    // A change set not written names its reason; one the transforms gave (a skipped file) stands.
    const reason = existing.reason ?? (status === 'skipped' ? result.reason : undefined);
    // The pass continued from the transforms' output (dry runs: `overrides`), so its diff, taken
    // from the text on disk, holds both.
    const diff = result.diff ?? existing.diff;
    // The pass read the transforms' output; the transforms' findings are placed in the text as it
    // was, and so are the pass's.
    const mapLine = existing.contents ? getLineMapper(existing.contents.before, existing.contents.after) : undefined;
    const mapped = mapLine ? result.findings.map((finding) => ({ ...finding, line: mapLine(finding.line) })) : result.findings;
    files.set(result.path, {
      ...existing,
      status,
      findings: joinFormatFindings(existing.findings, mapped),
      ...(existing.error || result.error ? { error: existing.error ?? result.error } : {}),
      ...(reason === undefined ? {} : { reason }),
      ...(diff ? { diff } : {}),
      ...(result.contents ? { contents: result.contents } : {}),
      ...(result.changeSets && result.changeSets.length > 0
        ? { changeSets: result.changeSets.map((set) => (mapLine ? { ...set, lines: [...new Set(set.lines.map(mapLine))].sort((a, b) => a - b) } : set)) }
        : {}),
    });
  }
  return [...files.values()].sort(compareByPath);
}

type Finding = FileResult['findings'][number];

const isFormatEdit = (finding: Finding) => finding.transform === 'format' && finding.kind === 'edit';

/**
 * The transforms' findings, then the pass's. A file both changed was formatted after each: one
 * entry says so, spanning the lines of both.
 */
function joinFormatFindings(transforms: readonly Finding[], pass: readonly Finding[]): Finding[] {
  const first = transforms.find(isFormatEdit);
  const second = pass.find(isFormatEdit);
  if (!first || !second) return [...transforms, ...pass];
  const endLine = Math.max(first.endLine ?? first.line, second.endLine ?? second.line);
  const joined = { ...first, ...(endLine > first.line ? { endLine } : {}) };
  return [...transforms.map((finding) => (finding === first ? joined : finding)), ...pass.filter((finding) => finding !== second)];
}
