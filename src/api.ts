/**
 * The programmatic entry points. The CLI is a thin layer over these: it turns flags into
 * options, calls them, and formats the report.
 */
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import { applyConfig, loadConfig, type CtxmodConfig } from './config.ts';
import { buildSummary, createSourceRunner, run, type RunOptions, type RunReport } from './engine/run.ts';
import { createManifestCaches } from './engine/file-options.ts';
import type { FileResult } from './engine/process-file.ts';
import { processSource } from './engine/process-source.ts';
import { buildDiff } from './report/diff.ts';
import { buildJsonReport } from './report/json.ts';
import { getTransformsOrThrow } from './registry.ts';
import { VERSION } from './version.ts';
import { ThreadPassError } from './errors.ts';
import type { ConfigSource, MigrateOptions as PublicMigrateOptions, SourcesReport, TransformSourcesOptions } from './public-types.ts';
import { THREAD_TRANSFORM } from './thread/names.ts';
import { createSignalFacts, getNoTsconfigNote, getThreadProject, runThreadPass, ThreadSetupFailure, type SharedProject } from './thread/thread-pass.ts';

export type { ConfigSource, SourceFile, SourcesReport, TransformSourcesOptions } from './public-types.ts';

/**
 * The public options (documented in public-types.ts), plus the engine's own run options that the
 * CLI passes (timings, kept contents): one declaration of each.
 */
export interface MigrateOptions extends PublicMigrateOptions, Omit<RunOptions, keyof PublicMigrateOptions | 'programPass' | 'signalFacts'> {}

export { ThreadPassError } from './errors.ts';

/**
 * `ctxmod migrate`: every transform the config enables (all by default) in canonical order, then
 * the thread-signal pass when selected and a tsconfig is found. With `verify` or `review`, the
 * type check and the review cover the pass's edits too. Returns the report the CLI formats;
 * `buildJsonReport(report)` is what `--json` prints.
 */
export async function migrate(options: MigrateOptions): Promise<RunReport> {
  const config = await resolveConfig(options.config, options.cwd);
  const { config: _config, project, thread, required, typeLookup, ...rest } = options;
  const merged = applyConfig(rest, config);
  const threaded = thread !== false && !merged.check && merged.transforms.includes(THREAD_TRANSFORM);
  // Without the pass, the program would be loaded for the lookup alone: that costs more than the
  // per-file pass itself, so it is asked for explicitly.
  const typed = (typeLookup ?? threaded) && !merged.check;
  if (!threaded && !typed) return run(merged);
  const tsconfig = getThreadProject(resolve(merged.cwd ?? process.cwd()), merged.paths, project);
  if (tsconfig === undefined) {
    const report = await run(merged);
    return threaded ? { ...report, warnings: [...report.warnings, getNoTsconfigNote(THREAD_TRANSFORM, merged.paths, 'pass')] } : report;
  }
  // One program for the type lookup and the thread pass, loaded when the first of them asks.
  const shared: SharedProject = {};
  const signalFacts = typed ? { signalFacts: createSignalFacts(tsconfig, shared) } : {};
  if (!threaded) return run({ ...merged, ...signalFacts });
  let failure: string | undefined;
  // One read of each package.json (and of a package's source, for its runtime scope) for both passes.
  const manifests = createManifestCaches();
  const report = await run({
    ...merged,
    ...signalFacts,
    manifests,
    // The pass continues from the transforms' texts in a dry run, and maps its findings back in both.
    keepContents: true,
    programPass: async (files, context) => {
      merged.onPhase?.('threading');
      const catalog = merged.transformOptions?.catalog;
      try {
        return await runThreadPass(files, context, {
          ...merged.transformOptions?.thread,
          required: required ?? false,
          ...(catalog ? { catalog } : {}),
          project: tsconfig,
          dry: merged.dry === true,
          refine: createSourceRunner({ ...merged, manifests }),
          ...(merged.format ? { format: true } : {}),
          ...(merged.signal ? { signal: merged.signal } : {}),
          shared,
        });
      } catch (error) {
        if (!(error instanceof ThreadSetupFailure)) throw error;
        failure = error.message;
        return { files, warnings: [] };
      }
    },
  });
  // The texts were kept for the pass; the caller gets them only if asked for.
  const result = merged.keepContents ? report : { ...report, files: report.files.map(({ contents: _contents, ...file }) => file) };
  if (failure !== undefined) throw new ThreadPassError(result, failure);
  return result;
}

const IGNORED_REASON = 'matches an ignore glob';

/**
 * In-memory mode: runs the transforms on the given sources and returns the new ones without
 * touching the disk. The report has the shape of `--json` (files sorted by path).
 */
export function transformSources(options: TransformSourcesOptions): SourcesReport {
  const started = performance.now();
  const merged = applyConfig(
    { transforms: options.transforms, ignore: options.ignore, transformOptions: options.transformOptions },
    options.config,
  );
  const modules = getTransformsOrThrow(merged.transforms);
  const ignored = merged.ignore && merged.ignore.length > 0 ? picomatch([...merged.ignore], { dot: true }) : () => false;
  const results: FileResult[] = [];
  const sources: Record<string, string> = {};
  for (const path of Object.keys(options.files).sort()) {
    const source = options.files[path] as string;
    sources[path] = source;
    if (ignored(path)) {
      results.push({ path, status: 'skipped', findings: [], reason: IGNORED_REASON });
      continue;
    }
    const result = processSource(path, source, modules, merged.transformOptions ?? {});
    const output = result.status === 'changed' ? result.output : undefined;
    if (output !== undefined) sources[path] = output;
    results.push({
      path,
      status: result.status,
      findings: result.findings,
      ...(result.reason === undefined ? {} : { reason: result.reason }),
      ...(result.error === undefined ? {} : { error: result.error }),
      ...(output !== undefined && options.diff ? { diff: buildDiff(path, source, output) } : {}),
    });
  }
  const report: RunReport = {
    version: VERSION,
    files: results,
    summary: buildSummary(results, performance.now() - started),
    warnings: [],
    interrupted: false,
  };
  const json = buildJsonReport(report);
  return {
    ...json,
    files: json.files.map((file) => (sources[file.path] !== options.files[file.path] ? { ...file, output: sources[file.path] } : file)),
    sources,
  };
}

async function resolveConfig(source: ConfigSource | undefined, cwd: string | undefined): Promise<CtxmodConfig | undefined> {
  if (source === undefined || source === false) return undefined;
  if (source === true || typeof source === 'string') {
    return (await loadConfig(cwd ?? process.cwd(), source === true ? undefined : source))?.config;
  }
  return source;
}
