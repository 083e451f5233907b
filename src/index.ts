/**
 * ctxmod's programmatic API. The CLI is a thin layer over these functions.
 *
 * ```ts
 * import { migrate } from 'ctxmod';
 * const report = await migrate({ paths: ['src'], dry: true });
 * ```
 */
import { run, type RunOptions, type RunReport } from './engine/run.ts';
import { getTransformNames } from './registry.ts';

export { run } from './engine/run.ts';
export type { RunOptions, RunReport, RunSummary } from './engine/run.ts';
export type { FileResult } from './engine/process-file.ts';
export { processSource } from './engine/process-source.ts';
export type { FileError, FileStatus, SourceResult } from './engine/process-source.ts';
export { buildJsonReport } from './report/json.ts';
export type { JsonFile, JsonFinding, JsonReport } from './report/json.ts';
export { getTransform, getTransformNames, getTransformsOrThrow, transforms, UnknownTransformError } from './registry.ts';
export { PathNotFoundError, DEFAULT_EXTENSIONS } from './engine/discover.ts';
export { getSignalInScope } from './scope/get-signal-in-scope.ts';
export type { SignalInScope } from './scope/get-signal-in-scope.ts';
export type * from './types.ts';
export { VERSION } from './version.ts';
export { ConfigError, CONFIG_FILE, configSchema, loadConfig, parseConfig } from './config.ts';
export type { CtxmodConfig, LoadedConfig } from './config.ts';
export type { CatalogEntry, SignalPosition, SignalSlot } from './catalog/types.ts';
export { threadSignal, computeThread, findTsconfig, THREAD_TRANSFORM, THREAD_RULE } from './thread/run-thread.ts';
export type { ThreadRunOptions } from './thread/run-thread.ts';
export type { ThreadOptions } from './thread/plan.ts';

/** Every per-file transform in canonical order, like `ctxmod migrate`. */
export function migrate(options: Omit<RunOptions, 'transforms'>): Promise<RunReport> {
  return run({ ...options, transforms: getTransformNames() });
}
