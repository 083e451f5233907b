/**
 * The programmatic entry points. The CLI is a thin layer over these: it turns flags into
 * `RunOptions`, merges the config with `applyConfig`, and formats the report.
 */
import picomatch from 'picomatch';
import { applyConfig, loadConfig, type CtxmodConfig } from './config.ts';
import { buildSummary, run, type RunOptions, type RunReport } from './engine/run.ts';
import type { FileResult } from './engine/process-file.ts';
import { processSource } from './engine/process-source.ts';
import { buildDiff } from './report/diff.ts';
import { buildJsonReport } from './report/json.ts';
import { getTransformsOrThrow } from './registry.ts';
import { VERSION } from './version.ts';
import type { ConfigSource, SourcesReport, TransformSourcesOptions } from './public-types.ts';

export type { ConfigSource, SourceFile, SourcesReport, TransformSourcesOptions } from './public-types.ts';

export interface MigrateOptions extends Omit<RunOptions, 'transforms'> {
  /** Transform names (default: the config's `transforms`, else all), run in canonical order. */
  readonly transforms?: readonly string[];
  readonly config?: ConfigSource;
}

/**
 * `ctxmod migrate`: every transform the config enables (all by default) in canonical order.
 * Returns the same report the CLI formats; `buildJsonReport(report)` is what `--json` prints.
 */
export async function migrate(options: MigrateOptions): Promise<RunReport> {
  const config = await resolveConfig(options.config, options.cwd);
  const { config: _config, ...rest } = options;
  return run(applyConfig(rest, config));
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
