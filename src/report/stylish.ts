import { createColors } from 'picocolors';
import type { CheckReport } from '../check/check.ts';
import { compareSeverity, type Severity } from '../check/rules.ts';

export interface StylishOptions {
  readonly color: boolean;
  /** Only diagnostics at or above `failOn`, and no summary unless something failed. */
  readonly quiet: boolean;
}

/** Most severe first. */
const BY_RANK: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * `ctxmod check`'s default output: one line per diagnostic, `path:line:col  severity  message
 * rule-id` (so terminals and editors link the location), errors first, then warnings, then infos,
 * each by path, with a blank line between files; then a summary with a line per rule. Files that
 * could not be checked are listed with the errors, with the rule `parse-error`.
 */
export function formatStylish(report: CheckReport, options: StylishOptions): string {
  const c = createColors(options.color);
  const paint: Record<Severity, (text: string) => string> = { error: c.red, warning: c.yellow, info: c.cyan };
  const blocks: string[] = [];
  for (const severity of BY_RANK) {
    if (options.quiet && compareSeverity(severity, report.failOn) < 0) continue;
    for (const file of report.files) {
      const lines: string[] = [];
      if (severity === 'error' && file.error) {
        const where = file.error.line ? `${file.error.line}:${file.error.column ?? 1}` : '1:1';
        lines.push(`${file.path}:${where}  ${c.red('error'.padEnd(7))}  ${file.error.message}  ${c.dim('parse-error')}`);
      }
      const diagnostics = file.diagnostics.filter((d) => d.severity === severity);
      const width = Math.max(0, ...diagnostics.map((d) => `${d.line}:${d.column}`.length));
      for (const d of diagnostics) {
        const where = `${d.line}:${d.column}`;
        lines.push(`${file.path}:${where}${' '.repeat(width - where.length)}  ${paint[d.severity](d.severity.padEnd(7))}  ${d.message}  ${c.dim(d.rule)}`);
      }
      if (lines.length > 0) blocks.push(lines.join('\n'));
    }
  }
  for (const file of report.files) if (file.reason && !options.quiet) blocks.push(`${file.path}  ${c.dim('skipped')}  ${file.reason}`);
  const out = blocks.length > 0 ? `${blocks.join('\n\n')}\n\n` : '';
  if (options.quiet && !report.failed) return out;
  return out + formatCheckSummary(report, c.bold) + formatRuleCounts(report);
}

/** `  missing-signal-chain  12 warnings`: a line per rule with diagnostics, most severe and most frequent first. */
function formatRuleCounts(report: CheckReport): string {
  const counts = new Map<string, { severity: Severity; count: number }>();
  for (const d of report.files.flatMap((file) => file.diagnostics)) {
    const entry = counts.get(d.rule) ?? { severity: d.severity, count: 0 };
    entry.count += 1;
    if (compareSeverity(d.severity, entry.severity) > 0) entry.severity = d.severity;
    counts.set(d.rule, entry);
  }
  const rows = [...counts].sort(([a, x], [b, y]) => compareSeverity(y.severity, x.severity) || y.count - x.count || (a < b ? -1 : 1));
  const width = Math.max(0, ...rows.map(([rule]) => rule.length));
  return rows.map(([rule, { severity, count }]) => `  ${rule.padEnd(width)}  ${count} ${severity === 'info' ? 'info' : `${severity}${count === 1 ? '' : 's'}`}\n`).join('');
}

export function formatCheckSummary(report: CheckReport, bold: (text: string) => string = (text) => text): string {
  const s = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const problems = s.errors + s.warnings + s.infos;
  const parts = [`${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info`];
  const extra: string[] = [];
  if (s.fixable > 0) extra.push(`${s.fixable} fixable with \`ctxmod migrate\``);
  if (s.suppressed > 0) extra.push(`${s.suppressed} suppressed`);
  if (s.fileErrors > 0) extra.push(`${plural(s.fileErrors, 'file')} not checked`);
  if (s.testFilesSkipped) extra.push(`${plural(s.testFilesSkipped, 'test file')} skipped (--include-tests to check them)`);
  if (report.interrupted) extra.push('interrupted');
  const head = problems === 0 ? `ctxmod check: no problems in ${plural(s.files, 'file')}` : `ctxmod check: ${plural(problems, 'problem')} (${parts.join('')}) in ${plural(s.files, 'file')} checked`;
  return `${bold(head)}${extra.length > 0 ? `; ${extra.join(', ')}` : ''}\n`;
}
