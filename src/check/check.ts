import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { run } from '../engine/run.ts';
import { detectors, getFindingRuleId, transforms } from '../registry.ts';
import type { Finding } from '../types.ts';
import { VERSION } from '../version.ts';
import { compareSeverity, getRule, type Rule, type Severity } from './rules.ts';
import { getSuppressions, isSuppressed } from './suppressions.ts';
import { createSignalFacts, getNoTsconfigNote, getThreadProject, type SharedProject } from '../thread/thread-pass.ts';
import { THREAD_RULE } from '../thread/names.ts';
import type { CheckFile, CheckOptions, CheckReport, Diagnostic } from '../public-types.ts';

export type { CheckFile, CheckOptions, CheckReport, CheckSummary, Diagnostic } from '../public-types.ts';

/**
 * The audit: every transform and check-only detector runs on each file exactly as in `migrate`
 * (same discovery, prefilter, parse and workers), nothing is written, and each finding becomes
 * a diagnostic of its rule.
 */
/** Bumped when a field of the check report changes meaning or goes away (`schemas/check-report.schema.json`). */
export const CHECK_REPORT_SCHEMA_VERSION = 1;

export async function check(options: CheckOptions): Promise<CheckReport> {
  const started = performance.now();
  const failOn = options.failOn ?? 'error';
  const cwd = resolve(options.cwd ?? process.cwd());
  const wanted = options.rules?.[THREAD_RULE] !== 'off' && (!options.only || options.only.includes(THREAD_RULE)) && options.project !== false;
  // Before the run: a tsconfig given that does not exist is bad input, like a missing path.
  const project = wanted ? getThreadProject(cwd, options.paths, options.project || undefined) : undefined;
  const notes = wanted && project === undefined ? [getNoTsconfigNote(THREAD_RULE, options.paths, 'rule')] : [];
  // The program missing-signal-chain loads anyway also tells the per-file rules which parameters
  // hold a signal by type, as in migrate; it is loaded once, when the first of them asks.
  const shared: SharedProject = {};
  const { typeLookup, ...runOptions } = options;
  const typed = project !== undefined && typeLookup !== false;
  const report = await run({
    ...runOptions,
    transforms: [...transforms, ...detectors].map((module) => module.meta.name),
    check: true,
    dry: true,
    ...(typed ? { signalFacts: createSignalFacts(project, shared) } : {}),
  });
  const chains = project === undefined ? new Map<string, Finding[]>() : await getChainFindings(options, project, cwd, report.files.map((file) => file.path), shared);
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
    schemaVersion: CHECK_REPORT_SCHEMA_VERSION,
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
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/**
 * `missing-signal-chain`: what the thread-signal pass would add or report over the project, for
 * the files checked, by display path.
 */
async function getChainFindings(options: CheckOptions, project: string, cwd: string, paths: readonly string[], shared: SharedProject): Promise<Map<string, Finding[]>> {
  const byPath = new Map<string, Finding[]>();
  if (options.signal?.aborted) return byPath;
  const files = new Map(paths.map((path) => [resolve(cwd, path).split(sep).join('/'), path]));
  // Loaded here: ts-morph takes most of a second to load.
  const { computeThread } = await import('../thread/run-thread.ts');
  // The config's roots and catalog decide where chains start and end; how they would be carried does not matter here.
  const roots = options.transformOptions?.thread?.roots;
  const catalog = options.transformOptions?.catalog;
  // A chain starts at a signal source (the default), and notes on the analysis' own limits are not findings.
  // Check changes nothing: the project the type lookup loaded is the program as it is on disk.
  const reuse = shared.project ? { reuse: { project: shared.project, changed: new Map<string, string>() } } : {};
  const thread = computeThread({ project, files: new Set(files.keys()), from: 'sources', audit: true, ...(roots ? { roots } : {}), ...(catalog?.length ? { catalog } : {}), ...reuse });
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

/** The diagnostic a finding makes, if any: none for consequences, handled sites, and rules turned off or not asked for. */
export function toDiagnostic(finding: Finding, options: Pick<CheckOptions, 'rules' | 'only'>): Diagnostic[] {
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
