import { createColors } from 'picocolors';
import type { CheckReport } from '../check/check.ts';
import { compareSeverity, type Severity } from '../check/rules.ts';

export interface StylishOptions {
  readonly color: boolean;
  /** Only diagnostics at or above `failOn`, and no summary unless something failed. */
  readonly quiet: boolean;
}

/**
 * `ctxmod check`'s default output: one line per diagnostic, `path:line:col  severity  message
 * rule-id` (so terminals and editors link the location), a blank line between files, then a
 * summary. Files that could not be checked are listed the same way with the rule `parse-error`.
 */
export function formatStylish(report: CheckReport, options: StylishOptions): string {
  const c = createColors(options.color);
  const paint: Record<Severity, (text: string) => string> = { error: c.red, warning: c.yellow, info: c.cyan };
  const blocks: string[] = [];
  for (const file of report.files) {
    const lines: string[] = [];
    if (file.error) {
      const where = file.error.line ? `${file.error.line}:${file.error.column ?? 1}` : '1:1';
      lines.push(`${file.path}:${where}  ${c.red('error'.padEnd(7))}  ${file.error.message}  ${c.dim('parse-error')}`);
    }
    if (file.reason && !options.quiet) lines.push(`${file.path}  ${c.dim('skipped')}  ${file.reason}`);
    const width = Math.max(0, ...file.diagnostics.map((d) => `${d.line}:${d.column}`.length));
    for (const d of file.diagnostics) {
      if (options.quiet && compareSeverity(d.severity, report.failOn) < 0) continue;
      const where = `${d.line}:${d.column}`;
      lines.push(`${file.path}:${where}${' '.repeat(width - where.length)}  ${paint[d.severity](d.severity.padEnd(7))}  ${d.message}  ${c.dim(d.rule)}`);
    }
    if (lines.length > 0) blocks.push(lines.join('\n'));
  }
  const out = blocks.length > 0 ? `${blocks.join('\n\n')}\n\n` : '';
  if (options.quiet && !report.failed) return out;
  return out + formatCheckSummary(report, c.bold);
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
