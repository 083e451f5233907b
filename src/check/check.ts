import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { run, type RunOptions } from '../engine/run.ts';
import type { FileError } from '../engine/process-source.ts';
import { detectors, getFindingRuleId, transforms } from '../registry.ts';
import type { Finding } from '../types.ts';
import { VERSION } from '../version.ts';
import { compareSeverity, getRule, type Rule, type RuleLevel, type Severity } from './rules.ts';
import { getSuppressions, isSuppressed } from './suppressions.ts';
import { findTsconfig } from '../thread/find-tsconfig.ts';
import { THREAD_RULE } from '../thread/names.ts';

export interface CheckOptions extends Pick<RunOptions, 'paths' | 'cwd' | 'extensions' | 'ignore' | 'includeTests' | 'followSymlinks' | 'cpus' | 'transformOptions' | 'onProgress' | 'signal'> {
  /** Severity per rule, `off` to disable one (the `rules` key of ctxmod.config.json). */
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  /** Report only these rules. */
  readonly only?: readonly string[];
  /** Lowest severity that fails the check (default `error`). */
  readonly failOn?: Severity;
  /**
   * The tsconfig for `missing-signal-chain`, which needs the whole program (the thread-signal
   * analysis, planned and never written). Default: the nearest tsconfig.json of the first path;
   * `false`: skip the rule. Without a tsconfig the rule has nothing to say.
   */
  readonly project?: string | false;
}

/** One problem. Lines and columns are 1-based, in the file as it is. */
export interface Diagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** The transform that found the site. */
  readonly transform: string;
  /** `ctxmod migrate` would fix this site (with `transform`); false: it needs a human. */
  readonly fixable: boolean;
}

export interface CheckFile {
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The file could not be read or parsed: it was not checked. */
  readonly error?: FileError;
  /** Why the file was skipped (too large, ...). */
  readonly reason?: string;
}

export interface CheckSummary {
  /** Files visited. */
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Diagnostics `ctxmod migrate` would fix. */
  readonly fixable: number;
  /** Diagnostics hidden by ctxmod-ignore-next-line / ctxmod-disable comments. */
  readonly suppressed: number;
  /** Files that could not be read or parsed. */
  readonly fileErrors: number;
  /** Test files found and not checked (present when some were; `includeTests` checks them). */
  readonly testFilesSkipped?: number;
  readonly durationMs: number;
}

/** The result of `check()`, and the `--format json` output. */
export interface CheckReport {
  readonly version: string;
  /** Files with diagnostics, errors or a skip reason, by path. */
  readonly files: readonly CheckFile[];
  readonly summary: CheckSummary;
  readonly failOn: Severity;
  /** A diagnostic at or above `failOn`, or a file that could not be checked. */
  readonly failed: boolean;
  readonly interrupted: boolean;
}

/**
 * The audit: every transform and check-only detector runs on each file exactly as in `migrate`
 * (same discovery, prefilter, parse and workers), nothing is written, and each finding becomes
 * a diagnostic of its rule.
 */
export async function check(options: CheckOptions): Promise<CheckReport> {
  const started = performance.now();
  const failOn = options.failOn ?? 'error';
  const report = await run({
    ...options,
    transforms: [...transforms, ...detectors].map((module) => module.meta.name),
    check: true,
    dry: true,
  });
  const cwd = resolve(options.cwd ?? process.cwd());
  const chains = await getChainFindings(options, cwd, report.files.map((file) => file.path));
  let suppressed = 0;
  const files: CheckFile[] = [];
  for (const file of report.files) {
    // A call the per-file transforms already flag (an unforwarded signal) is not a chain problem too.
    const taken = new Set(file.findings.filter((finding) => !finding.consequence).map((finding) => `${finding.line}:${finding.column}`));
    const chain = (chains.get(file.path) ?? []).filter((finding) => !taken.has(`${finding.line}:${finding.column}`));
    const findings = [...file.findings, ...chain].sort((a, b) => a.line - b.line || a.column - b.column);
    let diagnostics = findings.flatMap((finding) => toDiagnostic(finding, options));
    if (diagnostics.length > 0) {
      const text = await readFile(resolve(cwd, file.path), 'utf8').catch(() => '');
      const suppressions = getSuppressions(text);
      const kept = diagnostics.filter((diagnostic) => !isSuppressed(suppressions, diagnostic.line, diagnostic.rule));
      suppressed += diagnostics.length - kept.length;
      diagnostics = kept;
    }
    const error = file.status === 'error' ? file.error : undefined;
    const reason = file.status === 'skipped' ? file.reason : undefined;
    if (diagnostics.length === 0 && !error && !reason) continue;
    files.push({ path: file.path, diagnostics, ...(error ? { error } : {}), ...(reason ? { reason } : {}) });
  }
  const all = files.flatMap((file) => file.diagnostics);
  const count = (severity: Severity) => all.filter((diagnostic) => diagnostic.severity === severity).length;
  const fileErrors = files.filter((file) => file.error).length;
  return {
    version: VERSION,
    files,
    summary: {
      files: report.summary.files,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      fixable: all.filter((diagnostic) => diagnostic.fixable).length,
      suppressed,
      fileErrors,
      ...(report.summary.testFilesSkipped ? { testFilesSkipped: report.summary.testFilesSkipped } : {}),
      durationMs: Math.round(performance.now() - started),
    },
    failOn,
    failed: fileErrors > 0 || all.some((diagnostic) => compareSeverity(diagnostic.severity, failOn) >= 0),
    interrupted: report.interrupted,
  };
}

/**
 * `missing-signal-chain`: what the thread-signal pass would add or report over the project, for
 * the files checked, by display path. Only when the rule is wanted and a tsconfig is there.
 */
async function getChainFindings(options: CheckOptions, cwd: string, paths: readonly string[]): Promise<Map<string, Finding[]>> {
  const byPath = new Map<string, Finding[]>();
  const wanted = options.rules?.[THREAD_RULE] !== 'off' && (!options.only || options.only.includes(THREAD_RULE));
  if (!wanted || options.project === false || options.signal?.aborted) return byPath;
  const project = options.project !== undefined ? resolve(cwd, options.project) : findTsconfig(resolve(cwd, options.paths[0] ?? '.'));
  if (project === undefined || !existsSync(project)) return byPath;
  const files = new Map(paths.map((path) => [resolve(cwd, path).split(sep).join('/'), path]));
  // Loaded here: ts-morph takes most of a second to load.
  const { computeThread } = await import('../thread/run-thread.ts');
  // The config's roots and catalog decide where chains start and end; how they would be carried does not matter here.
  const roots = options.transformOptions?.thread?.roots;
  const catalog = options.transformOptions?.catalog;
  // A chain starts at a signal source (the default), and notes on the analysis' own limits are not findings.
  const thread = computeThread({ project, files: new Set(files.keys()), from: 'sources', audit: true, ...(roots ? { roots } : {}), ...(catalog?.length ? { catalog } : {}) });
  for (const [name, file] of thread.files) {
    const path = files.get(name);
    if (path !== undefined) byPath.set(path, file.findings);
  }
  return byPath;
}

/** The rule a finding breaks: its own, else its transform's; unknown to the registry: a warning. */
export function getFindingRule(finding: Finding): Rule {
  const id = getFindingRuleId(finding);
  return getRule(id) ?? { id, severity: 'warning', description: `${finding.transform} found a site` };
}

function toDiagnostic(finding: Finding, options: CheckOptions): Diagnostic[] {
  // An import added, a helper removed: part of a fix reported at its site, no problem of its own.
  if (finding.consequence) return [];
  // Left alone because the code already stops the work on abort: nothing is broken there.
  if (finding.handled) return [];
  const rule = getFindingRule(finding);
  const level = options.rules?.[rule.id] ?? rule.severity;
  if (level === 'off' || (options.only && !options.only.includes(rule.id))) return [];
  const fixable = finding.kind === 'edit';
  return [
    {
      rule: rule.id,
      severity: level,
      line: finding.line,
      column: finding.column,
      message: formatMessage(rule, finding),
      transform: finding.transform,
      fixable,
    },
  ];
}

/** `A signal in scope is not passed to a signal-aware call (fix: passes signal to fetch())`. */
export function formatMessage(rule: Rule, finding: Finding): string {
  const problem = rule.description.charAt(0).toUpperCase() + rule.description.slice(1);
  return finding.kind === 'edit' ? `${problem} (fix: ${finding.message})` : `${problem}: ${finding.message}`;
}
