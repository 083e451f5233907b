/**
 * The `--json` report and the `check --format json` report as zod schemas, for their JSON Schemas
 * (`schemas/report.schema.json`, `schemas/check-report.schema.json`, see json-schemas.ts). The
 * checks below tie them to the `JsonReport` and `CheckReport` types both ways, so a field added to
 * a report without its schema is a compile error.
 */
import * as z from 'zod';
import type { Assert, SameKeys } from '../config.ts';
import type { CheckFile, CheckReport, CheckSummary, Diagnostic, FileError, JsonFile, JsonFinding, JsonReport, RunSummary } from '../public-types.ts';
import { SEVERITIES } from '../check/rules.ts';

const count = z.number().int().min(0);
const position = z.number().int().min(1);

const findingSchema = z.strictObject({
  transform: z.string(),
  line: position,
  column: position,
  endLine: position.optional(),
  message: z.string(),
  consequence: z.literal(true).optional(),
  handled: z.literal(true).optional(),
  suppressed: z.literal(true).optional(),
}) satisfies z.ZodType<JsonFinding>;

const fileErrorSchema = z.strictObject({
  message: z.string(),
  line: position.optional(),
  column: position.optional(),
}) satisfies z.ZodType<FileError>;

const fileSchema = z.strictObject({
  path: z.string(),
  status: z.enum(['changed', 'unchanged', 'skipped', 'error']),
  edits: z.array(findingSchema),
  manual: z.array(findingSchema),
  reason: z.string().optional(),
  error: fileErrorSchema.optional(),
  diff: z.string().optional(),
}) satisfies z.ZodType<JsonFile>;

const summarySchema = z.strictObject({
  files: count,
  changed: count,
  unchanged: count,
  skipped: count,
  errors: count,
  edits: count,
  manual: count,
  suppressed: count.optional(),
  durationMs: z.number().min(0),
  testFilesSkipped: count.optional(),
  diagnostics: z.strictObject({ before: count, after: count, files: count.optional() }).optional(),
}) satisfies z.ZodType<RunSummary>;

export const reportSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    version: z.string(),
    files: z.array(fileSchema),
    summary: summarySchema,
    warnings: z.array(z.string()),
    interrupted: z.boolean(),
    timings: z
      .strictObject({
        phases: z.record(z.string(), z.number().min(0)),
        transforms: z.record(z.string(), z.strictObject({ candidates: count, edited: count })),
      })
      .optional(),
  })
  .meta({ title: 'ctxmod --json report', description: 'What `ctxmod migrate --json` (and `run --json`) prints.' }) satisfies z.ZodType<JsonReport>;

const diagnosticSchema = z.strictObject({
  rule: z.string(),
  severity: z.enum(SEVERITIES),
  line: position,
  column: position,
  message: z.string(),
  transform: z.string(),
  fixable: z.boolean(),
}) satisfies z.ZodType<Diagnostic>;

const checkFileSchema = z.strictObject({
  path: z.string(),
  diagnostics: z.array(diagnosticSchema),
  error: fileErrorSchema.optional(),
  reason: z.string().optional(),
}) satisfies z.ZodType<CheckFile>;

const checkSummarySchema = z.strictObject({
  files: count,
  errors: count,
  warnings: count,
  infos: count,
  fixable: count,
  suppressed: count,
  fileErrors: count,
  testFilesSkipped: count.optional(),
  durationMs: z.number().min(0),
}) satisfies z.ZodType<CheckSummary>;

export const checkReportSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    version: z.string(),
    files: z.array(checkFileSchema),
    summary: checkSummarySchema,
    failOn: z.enum(SEVERITIES),
    failed: z.boolean(),
    interrupted: z.boolean(),
    notes: z.array(z.string()).optional(),
  })
  .meta({ title: 'ctxmod check report', description: 'What `ctxmod check --format json` prints (and `check()` returns).' }) satisfies z.ZodType<CheckReport>;

export type _SchemaMatchesReportTypes = [
  Assert<SameKeys<z.output<typeof checkReportSchema>, CheckReport>>,
  Assert<SameKeys<z.output<typeof checkFileSchema>, CheckFile>>,
  Assert<SameKeys<z.output<typeof checkSummarySchema>, CheckSummary>>,
  Assert<SameKeys<z.output<typeof diagnosticSchema>, Diagnostic>>,
  Assert<SameKeys<z.output<typeof reportSchema>, JsonReport>>,
  Assert<SameKeys<z.output<typeof fileSchema>, JsonFile>>,
  Assert<SameKeys<z.output<typeof findingSchema>, JsonFinding>>,
  Assert<SameKeys<z.output<typeof summarySchema>, RunSummary>>,
  Assert<SameKeys<z.output<typeof fileErrorSchema>, FileError>>,
];
