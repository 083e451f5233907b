/**
 * ctxmod's programmatic API. The CLI is a thin layer over these functions.
 *
 * ```ts
 * import { migrate } from 'ctxmod';
 * const report = await migrate({ paths: ['src'], dry: true, config: true });
 * const audit = await check({ paths: ['src'] }); // the `ctxmod check --format json` object
 * const { sources } = transformSources({ files: { 'src/a.ts': source } });
 * ```
 *
 * The surface is deliberate: every function is declared here with the types of public-types.ts,
 * so the published declarations never reach the engine's modules (whose types import jscodeshift,
 * tinypool and ts-morph). The engine's functions must fit these signatures, which the compiler
 * checks at each wrapper.
 */
import type * as z from 'zod';
import * as api from './api.ts';
import * as checker from './check/check.ts';
import * as config from './config.ts';
import { processSource as processSourceText } from './engine/process-source.ts';
import { run as runTransforms } from './engine/run.ts';
import type {
  CheckOptions,
  CheckReport,
  ConfigurableOptions,
  CtxmodConfig,
  CtxmodConfigInput,
  FileResult,
  JsonReport,
  LoadedConfig,
  MigrateOptions,
  PassMeta,
  RunOptions,
  RunReport,
  SarifLog,
  SourceResult,
  SourcesReport,
  ThreadRunOptions,
  Transform,
  TransformOptions,
  TransformSelection,
  TransformSourcesOptions,
} from './public-types.ts';
import * as registry from './registry.ts';
import * as json from './report/json.ts';
import * as sarif from './report/sarif.ts';
import type { TransformModule } from './types.ts';

export type * from './public-types.ts';
export type { ApiPattern, CatalogEntry, NonCancellableEntry, SignalPosition, SignalSlot } from './catalog/types.ts';
export { getRule, RULES } from './check/rules.ts';
export type { Rule, RuleLevel, Severity } from './check/rules.ts';
export { DEFAULT_EXTENSIONS, NoFilesMatchedError, PathNotFoundError } from './engine/discover.ts';
export { DirtyFilesError } from './engine/git.ts';
export { ConfigError, ThreadPassError, UnknownTransformError, VerifyError } from './errors.ts';
export { findTsconfig } from './thread/find-tsconfig.ts';
export { VERSION } from './version.ts';

/**
 * `ctxmod migrate`: every transform the config enables (all by default) in canonical order, then
 * the thread-signal pass when selected and a tsconfig is found. With `verify` or `review`, the
 * type check and the review cover the pass's edits too. Returns the report the CLI formats;
 * `buildJsonReport(report)` is what `--json` prints. Throws `ThreadPassError` (with the report of
 * the rest) when the pass cannot start.
 */
export function migrate(options: MigrateOptions): Promise<RunReport> {
  return api.migrate(options);
}

/**
 * In-memory mode: runs the transforms on the given sources and returns the new ones without
 * touching the disk. The report has the shape of `--json` (files sorted by path).
 */
export function transformSources(options: TransformSourcesOptions): SourcesReport {
  return api.transformSources(options);
}

/** `ctxmod run`: the named transforms, no config. */
export function run(options: RunOptions): Promise<RunReport> {
  return runTransforms(options);
}

/** One file in memory, with the raw findings; `transforms` from `transforms` or `getTransformsOrThrow`. */
export function processSource(path: string, source: string, transforms: readonly Transform[], options?: TransformOptions): SourceResult {
  // A Transform is a TransformModule whose context type is hidden; the registry's are the only ones.
  return processSourceText(path, source, transforms as readonly TransformModule[], options);
}

/** The `--json` object of a report. */
export function buildJsonReport(report: RunReport): JsonReport {
  return json.buildJsonReport(report);
}

/** `ctxmod check`: the object `--format json` prints; `report.failed` says whether the exit code would be 1. */
export function check(options: CheckOptions): Promise<CheckReport> {
  return checker.check(options);
}

/** The SARIF 2.1.0 log of a check report; `baseUri` is the URI of the directory paths are relative to. */
export function buildSarif(report: CheckReport, baseUri: string): SarifLog {
  return sarif.buildSarif(report, baseUri);
}

/** The transforms in canonical order. */
export const transforms: readonly Transform[] = registry.transforms;

/** Passes over the whole program (`thread-signal`), run after the per-file transforms. */
export const passes: readonly { readonly meta: PassMeta }[] = registry.passes;

/** Every entry of the registry, transforms then passes: the order `migrate` runs them in. */
export const entries: readonly { readonly meta: PassMeta }[] = registry.entries;

/** A transform or pass of that name exists. */
export function isTransformName(name: string): boolean {
  return registry.isTransformName(name);
}

export function getTransformNames(): string[] {
  return registry.getTransformNames();
}

export function getTransform(name: string): Transform | undefined {
  return registry.getTransform(name);
}

/** The named transforms, in canonical order; throws `UnknownTransformError` for a name not in the registry. */
export function getTransformsOrThrow(names: readonly string[]): Transform[] {
  return registry.getTransformsOrThrow(names);
}

/** The config file name looked up from the working directory up to the repository root. */
export const CONFIG_FILE: 'ctxmod.config.json' = config.CONFIG_FILE;

/** The values of the config's `thread.carrier`. */
export const CARRIERS: readonly ['signal', 'options', 'ctx'] = config.CARRIERS;

/** The schema of `ctxmod.config.json` (zod 4); `schemas/config.schema.json` is its JSON Schema. */
export const configSchema: z.ZodType<CtxmodConfig, CtxmodConfigInput> = config.configSchema;

/**
 * Loads the config for `cwd`: the explicit path if given (relative to cwd), else the nearest
 * `ctxmod.config.json` or `"ctxmod"` key of package.json from cwd up to the repository root; its
 * paths are made relative to where it was found. Throws `ConfigError`.
 */
export function loadConfig(cwd: string, explicitPath?: string): Promise<LoadedConfig | undefined> {
  return config.loadConfig(cwd, explicitPath);
}

/** Validates an already-parsed config object; throws `ConfigError` naming `file`. */
export function parseConfig(data: unknown, file?: string): CtxmodConfig {
  return config.parseConfig(data, file);
}

/** Merges a config under options the caller set: the caller wins; `ignore` globs and catalog entries add up. */
export function applyConfig<T extends ConfigurableOptions>(options: T, loaded: CtxmodConfig | undefined): T & { readonly transforms: readonly string[] } {
  return config.applyConfig(options, loaded);
}

/** The transform names a selection leaves, in canonical order (all of them without one). */
export function getConfiguredTransforms(selection: TransformSelection | undefined): string[] {
  return config.getConfiguredTransforms(selection);
}

/**
 * The cross-file thread-signal pass on its own (what `ctxmod migrate` runs after the per-file
 * transforms): plans, writes (unless `dry`) and returns a result per file it touched. Loaded on
 * first call: it needs ts-morph, which takes most of a second to load.
 */
export async function threadSignal(options: ThreadRunOptions): Promise<FileResult[]> {
  return (await import('./thread/run-thread.ts')).threadSignal(options);
}
