import type { RunReport } from '../engine/run.ts';
import type { JsonFinding, JsonReport } from '../public-types.ts';

export type { JsonFile, JsonFinding, JsonReport } from '../public-types.ts';

/** Bumped when a field of the `--json` report changes meaning or goes away (`schemas/report.schema.json`). */
export const JSON_REPORT_SCHEMA_VERSION = 1;

export function buildJsonReport(report: RunReport): JsonReport {
  return {
    schemaVersion: JSON_REPORT_SCHEMA_VERSION,
    version: report.version,
    files: report.files.map((file) => {
      const strip = ({ transform, line, column, endLine, message, consequence, handled, suppressed }: JsonFinding) => ({
        transform,
        line,
        column,
        ...(endLine === undefined ? {} : { endLine }),
        message,
        ...(consequence ? { consequence } : {}),
        ...(handled ? { handled } : {}),
        ...(suppressed ? { suppressed } : {}),
      });
      return {
        path: file.path,
        status: file.status,
        edits: file.findings.filter((finding) => finding.kind === 'edit').map(strip),
        manual: file.findings.filter((finding) => finding.kind === 'manual').map(strip),
        ...(file.reason === undefined ? {} : { reason: file.reason }),
        ...(file.error === undefined ? {} : { error: file.error }),
        ...(file.diff === undefined ? {} : { diff: file.diff }),
      };
    }),
    summary: report.summary,
    warnings: [...report.warnings],
    interrupted: report.interrupted,
    ...(report.timings ? { timings: report.timings } : {}),
  };
}
