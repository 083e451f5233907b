/**
 * ctxmod's programmatic API. The CLI is a thin layer over these functions.
 *
 * ```ts
 * import { migrate } from 'ctxmod';
 * const report = await migrate({ paths: ['src'], dry: true, config: true });
 * const audit = await check({ paths: ['src'] }); // the `ctxmod check --format json` object
 * const { sources } = transformSources({ files: { 'src/a.ts': source } });
 * ```
 */
import type { FileResult } from './engine/process-file.ts';
import type { ThreadRunOptions } from './thread/run-thread.ts';

export { migrate, transformSources } from './api.ts';
export type { ConfigSource, MigrateOptions, SourceFile, SourcesReport, TransformSourcesOptions } from './api.ts';
export { run } from './engine/run.ts';
export type { ReviewFile, RunOptions, RunReport, RunSummary } from './engine/run.ts';
export type { FileResult } from './engine/process-file.ts';
export { processSource } from './engine/process-source.ts';
export type { FileError, FileStatus, SourceResult } from './engine/process-source.ts';
export { buildJsonReport } from './report/json.ts';
export type { JsonFile, JsonFinding, JsonReport } from './report/json.ts';
export { getTransform, getTransformNames, getTransformsOrThrow, transforms, UnknownTransformError } from './registry.ts';
export { NoFilesMatchedError, PathNotFoundError, DEFAULT_EXTENSIONS } from './engine/discover.ts';
export { DirtyFilesError } from './engine/git.ts';
export { VerifyError } from './engine/verify.ts';
export { getSignalInScope } from './scope/get-signal-in-scope.ts';
export type { SignalInScope } from './scope/get-signal-in-scope.ts';
export type * from './types.ts';
export { VERSION } from './version.ts';
export { applyConfig, CARRIERS, ConfigError, CONFIG_FILE, configSchema, getConfiguredTransforms, loadConfig, parseConfig } from './config.ts';
export type { ConfigurableOptions, CtxmodConfig, LoadedConfig, TransformSelection } from './config.ts';
export type { ApiPattern, CatalogEntry, NonCancellableEntry, SignalPosition, SignalSlot } from './catalog/types.ts';
export { check } from './check/check.ts';
export type { CheckFile, CheckOptions, CheckReport, CheckSummary, Diagnostic } from './check/check.ts';
export { getRule, RULES } from './check/rules.ts';
export type { Rule, RuleLevel, Severity } from './check/rules.ts';
export { buildSarif } from './report/sarif.ts';
export type { SarifLog } from './report/sarif.ts';
export { findTsconfig } from './thread/find-tsconfig.ts';
export type { ThreadRunOptions } from './thread/run-thread.ts';
export type { ThreadOptions as ThreadPassOptions } from './thread/plan.ts';

/**
 * The cross-file thread-signal pass on its own (what `ctxmod migrate` runs after the per-file
 * transforms): plans, writes (unless `dry`) and returns a result per file it touched. Loaded on
 * first call: it needs ts-morph, which takes most of a second to load.
 */
export async function threadSignal(options: ThreadRunOptions): Promise<FileResult[]> {
  return (await import('./thread/run-thread.ts')).threadSignal(options);
}
