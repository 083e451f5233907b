import type { RunReport } from '../engine/run.ts';
import type { FileError, FileStatus } from '../engine/process-source.ts';

/** One site in a `--json` report. Lines and columns are 1-based, in the input file. */
export interface JsonFinding {
  transform: string;
  line: number;
  column: number;
  /** The last line of the site, when it spans several. */
  endLine?: number;
  message: string;
  /** A change that follows from another edit (an import added, a helper removed): no site of its own. */
  consequence?: boolean;
  /** A review note at a site whose code already stops the work on abort (see `Finding.handled`). */
  handled?: boolean;
}

export interface JsonFile {
  path: string;
  status: FileStatus;
  /** What was changed (or, with --dry, would be). */
  edits: JsonFinding[];
  /** Sites a transform found but left for a human to review. */
  manual: JsonFinding[];
  reason?: string;
  error?: FileError;
  /** Unified diff, with --dry only. */
  diff?: string;
}

/** The `--json` report; its shape is documented in the README and versioned with the package. */
export interface JsonReport {
  version: string;
  files: JsonFile[];
  summary: RunReport['summary'];
  /** Run-wide notes, e.g. that the files are not in a git repository. */
  warnings: string[];
  /** The run was stopped (SIGINT/SIGTERM) before every file was done. */
  interrupted: boolean;
  /** With --timings: ms per phase, and per transform its candidate files and files with an edit. */
  timings?: RunReport['timings'];
}

export function buildJsonReport(report: RunReport): JsonReport {
  return {
    version: report.version,
    files: report.files.map((file) => {
      const strip = ({ transform, line, column, endLine, message, consequence, handled }: JsonFinding) => ({
        transform,
        line,
        column,
        ...(endLine === undefined ? {} : { endLine }),
        message,
        ...(consequence ? { consequence } : {}),
        ...(handled ? { handled } : {}),
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
