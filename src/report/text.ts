import { createColors } from 'picocolors';
import type { RunReport } from '../engine/run.ts';
import { colorizeDiff } from './diff.ts';

export interface TextOptions {
  readonly dry: boolean;
  /** Print the diffs on stdout (default: `dry`; off when they went to a --patch file). */
  readonly showDiff?: boolean;
  readonly quiet: boolean;
  readonly color: boolean;
}

/**
 * Human output. stdout carries only the diff (so `ctxmod migrate --dry > x.patch` works);
 * everything else goes to stderr.
 */
export function formatText(report: RunReport, options: TextOptions): { stdout: string; stderr: string } {
  const c = createColors(options.color);
  const out: string[] = [];
  const err: string[] = [];
  for (const file of report.files) {
    if (file.diff && (options.showDiff ?? options.dry)) out.push(colorizeDiff(file.diff, options.color));
    if (file.status === 'error' && file.error) {
      const where = file.error.line ? `:${file.error.line}:${file.error.column ?? 1}` : '';
      err.push(`${file.path}${where}: ${c.red('error')}: ${file.error.message}\n`);
    }
    if (options.quiet) continue;
    if (file.status === 'skipped') err.push(`${file.path}: ${c.yellow('skipped')}: ${file.reason ?? ''}\n`);
    for (const finding of file.findings) {
      if (finding.kind === 'manual') {
        const label = finding.suppressed ? c.dim('suppressed') : c.yellow('review');
        err.push(`${file.path}:${finding.line}:${finding.column}: ${label} [${finding.transform}] ${finding.message}\n`);
      }
    }
  }
  if (!options.quiet) {
    for (const warning of report.warnings) err.push(`ctxmod: ${c.yellow('warning')}: ${warning}\n`);
    if (report.interrupted) err.push(`ctxmod: ${c.yellow('interrupted')}: files in progress were finished; the rest were not started\n`);
    err.push(formatSummary(report, options.dry));
  }
  return { stdout: out.join(''), stderr: err.join('') };
}

export function formatSummary(report: RunReport, dry: boolean): string {
  const s = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const changed = dry ? `${s.changed} would change` : `${s.changed} changed`;
  const seconds = (s.durationMs / 1000).toFixed(1);
  const checked = s.diagnostics?.files === undefined ? '' : ` in the ${plural(s.diagnostics.files, 'file')} the edits reach`;
  // Every edit left out (or none made): nothing was type-checked after.
  const typeErrors = !s.diagnostics ? '' : s.diagnostics.files === 0 ? '; no edit left to type-check' : `; type errors${checked}: ${s.diagnostics.before} before, ${s.diagnostics.after} after`;
  const suppressed = s.suppressed ? `, ${s.suppressed} suppressed` : '';
  const tests = s.testFilesSkipped ? `; ${plural(s.testFilesSkipped, 'test file')} skipped; --include-tests to migrate them` : '';
  return (
    `ctxmod: ${plural(s.files, 'file')}: ${changed}, ${s.unchanged} unchanged, ${s.skipped} skipped, ${plural(s.errors, 'error')}; ` +
    `${plural(s.edits, 'edit')}, ${s.manual} to review${suppressed}${typeErrors}${tests} (${seconds}s)\n`
  );
}
