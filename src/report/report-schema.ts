/**
 * The `--json` report as a zod schema, for its JSON Schema (`schemas/report.schema.json`, see
 * json-schemas.ts). The checks below tie it to the `JsonReport` type both ways, so a field added
 * to the report without its schema is a compile error.
 */
import * as z from 'zod';
import type { Assert, SameKeys } from '../config.ts';
import type { FileError, JsonFile, JsonFinding, JsonReport, RunSummary } from '../public-types.ts';

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
  diagnostics: z.strictObject({ before: count, after: count }).optional(),
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

export type _SchemaMatchesReportTypes = [
  Assert<SameKeys<z.output<typeof reportSchema>, JsonReport>>,
  Assert<SameKeys<z.output<typeof fileSchema>, JsonFile>>,
  Assert<SameKeys<z.output<typeof findingSchema>, JsonFinding>>,
  Assert<SameKeys<z.output<typeof summarySchema>, RunSummary>>,
  Assert<SameKeys<z.output<typeof fileErrorSchema>, FileError>>,
];
