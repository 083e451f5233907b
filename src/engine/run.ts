import { existsSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { structuredPatch } from 'diff';
import { Tinypool } from 'tinypool';
import { getCheckModulesOrThrow, getTransformsOrThrow } from '../registry.ts';
import type { RunOptions as PublicRunOptions, RunReport as PublicRunReport, ReviewChangeSet, RunSummary } from '../public-types.ts';
import { THREAD_RULE, THREAD_TRANSFORM } from '../thread/names.ts';
import { keepChangeSetsWhole, type ReviewedFile, type TornChangeSet } from './review.ts';
import { ChangeSets } from '../thread/change-sets.ts';
import type { TransformOptions } from '../types.ts';
import { discover } from './discover.ts';
import { partitionTestFiles } from './test-files.ts';
import { DirtyFilesError, getDirtyFiles, groupByRepository } from './git.ts';
import { decodeUtf8, processFile, writeResult, type FileResult, type FileTask, getRefusalResult } from './process-file.ts';
import { verifyChanges, VerifyError } from './verify.ts';
import { createManifestCaches, getFileOptions, type ManifestCaches } from './file-options.ts';
import { MAX_FILE_BYTES, processSource, selectTransforms, type SourceResult } from './process-source.ts';
import { normalizeText } from './text.ts';
import { loadPrescan } from './prescan.ts';
import { VERSION } from '../version.ts';
import { hasTypedSignals, type FileSignalFacts } from '../scope/type-facts.ts';
import { addTime, addTimings, type PhaseTimings, type RunTimings, roundTimings } from './timings.ts';

export type { ReviewFile, RunPhase, RunSummary } from '../public-types.ts';

/** `run`'s options: the public ones plus what the CLI and `check` use. */
export interface RunOptions extends PublicRunOptions {
  /**
   * `ctxmod check`: write nothing and diff nothing, only collect findings; `transforms` may also
   * name check-only detectors.
   */
  readonly check?: boolean;
  /**
   * Keep each changed file's text before and after (`FileResult.contents`), e.g. for a dry run
   * whose output another pass continues from.
   */
  readonly keepContents?: boolean;
  /** The package.json facts of the run (engines, runtime scope, style), shared with a source runner. */
  readonly manifests?: ManifestCaches;
  /**
   * A pass over the whole program after the per-file transforms (thread-signal, see `migrate`),
   * given their results. When `held` (a verified or reviewed run) nothing has been written and
   * each changed file carries its texts: the pass returns results whose `contents` hold its edits
   * as well, so that the type check and the review cover them. Otherwise it writes its own edits.
   */
  readonly programPass?: (files: readonly FileResult[], context: ProgramPassContext) => Promise<ProgramPassResult>;
  /** Measure where the time goes: the report gets `timings`. */
  readonly timings?: boolean;
  /**
   * What the type checker says of the signals in these files (absolute paths, as discovered),
   * asked once after the prefilter for the files some transform may apply to given a typed
   * signal; the transforms' signal lookup reads it before names (see `FileSignalFacts`).
   */
  readonly signalFacts?: (files: readonly string[]) => Promise<ReadonlyMap<string, FileSignalFacts>>;
}

export interface ProgramPassContext {
  /** Nothing is written yet; the pass must write nothing and return each file's texts. */
  readonly held: boolean;
  /** The run's working directory (its real path), which the results' paths are relative to. */
  readonly cwd: string;
}

export interface ProgramPassResult {
  /** Every file of the run, with the pass's results merged in. */
  readonly files: readonly FileResult[];
  readonly warnings: readonly string[];
}

export interface RunReport extends Omit<PublicRunReport, 'files'> {
  readonly files: readonly FileResult[];
  /** With `RunOptions.timings`: time per phase, and per transform the files it was tried on and edited. */
  readonly timings?: RunTimings;
}

/**
 * Below this many candidate files per thread, starting workers (each loads the parsers
 * anew) costs more than it saves.
 */
const MIN_FILES_PER_WORKER = 24;

/**
 * Stack of each worker thread. Deeply nested code (300 nested parentheses, a 2,000-call `.then`
 * chain) overflows Node's default in the parser and printer, which recurse over the tree.
 */
const WORKER_STACK_MB = 64;

/** How many files are read at once while prefiltering. */
const READ_CONCURRENCY = 32;

/**
 * files -> read -> prefilter -> parse once -> transforms -> print once -> write/diff -> report.
 * Throws only for bad input that makes the whole run meaningless (unknown transform, missing
 * path); anything that goes wrong with one file becomes that file's result.
 */
export async function run(options: RunOptions): Promise<RunReport> {
  const started = performance.now();
  // Files are found by their real paths: reported relative to the real cwd.
  const cwd = getRealPath(resolve(options.cwd ?? process.cwd()));
  const check = options.check === true;
  options.onPhase?.('scanning');
  const modules = check ? getCheckModulesOrThrow(options.transforms) : getTransformsOrThrow(options.transforms);
  const phases: PhaseTimings = {};
  const candidateCounts = new Map(modules.map((module) => [module.meta.name, 0]));
  const found = await discover(options.paths, { cwd, extensions: options.extensions, ignore: options.ignore, followSymlinks: options.followSymlinks });
  addTime(phases, 'discover', performance.now() - started);
  const { files, testFiles } = partitionTestFiles(found.files, cwd, options.includeTests === true);
  const write = !options.dry && !check;
  const warnings: string[] = [];
  if (write && (options.requireClean ?? true)) warnings.push(...(await checkRepositories(cwd, files)));
  const stopped = () => options.signal?.aborted === true;
  const tsconfig = options.verify ? resolve(cwd, typeof options.verify === 'string' ? options.verify : 'tsconfig.json') : undefined;
  if (tsconfig && !existsSync(tsconfig)) throw new VerifyError(`--verify needs a tsconfig: ${tsconfig} does not exist`);
  const review = write ? options.review : undefined;
  if (review && tsconfig) throw new VerifyError('a reviewed run cannot be verified: run with --verify and --dry first');
  const held = tsconfig !== undefined || review !== undefined;
  const transformOptions = options.transformOptions ?? {};
  const manifests = options.manifests ?? createManifestCaches();
  const toTask = (absolutePath: string): FileTask => ({
    absolutePath,
    path: getDisplayPath(cwd, absolutePath),
    transforms: modules.map((module) => module.meta.name),
    options: getFileOptions(transformOptions, absolutePath, manifests),
    // Verified and reviewed runs write only after the type check or the review.
    write: write && !held,
    diff: !check && (options.diff ?? !write),
    keepContents: held || options.keepContents === true,
    ...(check ? { check } : {}),
    ...(options.format && !check ? { format: true } : {}),
  });

  let done = 0;
  const progress = () => options.onProgress?.(++done, files.length);
  const countCandidates = (selected: readonly { meta: { name: string } }[]) => {
    for (const module of selected) candidateCounts.set(module.meta.name, (candidateCounts.get(module.meta.name) ?? 0) + 1);
  };

  // Pass 1, cheap: read each file and keep only those some transform may apply to. Most files
  // of a real code base are never parsed.
  const results = new Map<string, FileResult>();
  for (const { path, reason } of found.skipped) {
    const display = getDisplayPath(cwd, path);
    results.set(display, { path: display, status: 'skipped', findings: [], reason });
  }
  for (const { path, message } of found.errors) {
    const display = getDisplayPath(cwd, path);
    results.set(display, { path: display, status: 'error', findings: [], error: { message } });
  }
  const candidates: FileTask[] = [];
  // Files no transform may apply to by their text, but some would if the types give them a signal,
  // and files the native pre-scan found no site in that the types may still give one.
  const typedOnly: { task: FileTask; text: string; counted?: boolean }[] = [];
  // Files the token prefilter lets through are parsed natively first: only those with a site go on.
  const prescan = loadPrescan();
  let prescanMs = 0;
  const prefilterStarted = performance.now();
  await forEachConcurrently(files, READ_CONCURRENCY, async (absolutePath) => {
    const task = toTask(absolutePath);
    if (stopped()) {
      results.set(task.path, INTERRUPTED(task));
      return;
    }
    let raw: string | undefined;
    try {
      raw = decodeUtf8(await readFile(absolutePath));
    } catch {
      raw = undefined;
    }
    // Not readable, or not UTF-8: left to pass 2, which reports it like any other file error.
    if (raw === undefined) {
      candidates.push(task);
      return;
    }
    const small = raw.length <= MAX_FILE_BYTES;
    const text = small ? normalizeText(raw).text : raw;
    const selected = small ? selectTransforms(text, modules) : modules;
    if (selected.length === 0 && small && options.signalFacts && selectTransforms(text, modules, { typedSignals: true }).length > 0) {
      typedOnly.push({ task, text });
      return;
    }
    countCandidates(selected);
    let site = selected.length > 0;
    if (site && small && prescan) {
      const scanStarted = performance.now();
      site = prescan.mayHaveSite(absolutePath, text, selected, task.options);
      prescanMs += performance.now() - scanStarted;
      // The pre-scan reads signals by name; the type lookup may find one it could not see.
      if (!site && options.signalFacts) {
        typedOnly.push({ task, text, counted: true });
        return;
      }
    }
    if (!site) {
      results.set(task.path, { path: task.path, status: 'unchanged', findings: [] });
      progress();
    } else {
      candidates.push(task);
    }
  });
  addTime(phases, 'read+prefilter', performance.now() - prefilterStarted - prescanMs);
  if (prescan) addTime(phases, 'prescan', prescanMs);

  if (options.signalFacts && !stopped() && candidates.length + typedOnly.length > 0) {
    const typesStarted = performance.now();
    const facts = await options.signalFacts([...candidates, ...typedOnly.map(({ task }) => task)].map((task) => task.absolutePath));
    for (const [index, task] of candidates.entries()) {
      const found = facts.get(task.absolutePath);
      if (found) candidates[index] = { ...task, signalFacts: found };
    }
    for (const { task, text, counted } of typedOnly) {
      const found = facts.get(task.absolutePath);
      const selected = found && hasTypedSignals(found) ? selectTransforms(text, modules, { typedSignals: true }) : [];
      if (!counted) countCandidates(selected);
      if (found && selected.length > 0) candidates.push({ ...task, signalFacts: found });
      else {
        results.set(task.path, { path: task.path, status: 'unchanged', findings: [] });
        progress();
      }
    }
    addTime(phases, 'types', performance.now() - typesStarted);
  } else {
    // Stopped before the type lookup: these files were not started.
    for (const { task } of typedOnly) results.set(task.path, INTERRUPTED(task));
  }

  // Pass 2: the candidates, in worker threads when there are enough of them.
  if (!stopped()) options.onPhase?.('transforming');
  const threads = getThreadCount(options.cpus, candidates.length);
  const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
  const pool =
    threads > 1 && existsSync(workerFile)
      ? new Tinypool({ filename: workerFile, minThreads: threads, maxThreads: threads, isolateWorkers: false, resourceLimits: { stackSizeMb: WORKER_STACK_MB } })
      : undefined;
  try {
    // Tasks are handed out a few at a time rather than queued all at once, so that an interrupt
    // stops the run after the files in flight instead of cancelling work mid-write.
    await forEachConcurrently(candidates, pool ? threads * 2 : 1, async (task) => {
      if (stopped()) {
        results.set(task.path, INTERRUPTED(task));
        return;
      }
      const { timings, ...result }: FileResult = pool ? await runInPool(pool, task) : await processFile(task);
      addTimings(phases, timings);
      results.set(task.path, result);
      progress();
    });
  } finally {
    await pool?.destroy();
  }

  let passInterrupted = false;
  if (options.programPass && !check && !stopped()) {
    const passStarted = performance.now();
    const passed = await options.programPass([...results.values()], { held, cwd });
    addTime(phases, 'thread', performance.now() - passStarted);
    results.clear();
    for (const file of passed.files) results.set(file.path, file);
    warnings.push(...passed.warnings);
    passInterrupted = stopped();
  }

  let diagnostics: RunSummary['diagnostics'];
  // The cross-file pass may change files the prefilter left out: every file found is looked up.
  const absolute = held ? new Map(files.map((file) => [getDisplayPath(cwd, file), file])) : new Map<string, string>();
  if (tsconfig) {
    options.onPhase?.('verifying');
    const verifyStarted = performance.now();
    diagnostics = await applyVerified(tsconfig, results, absolute, write, stopped);
    addTime(phases, 'verify', performance.now() - verifyStarted);
  }
  if (review) await applyReviewed(review, results, absolute, stopped);

  // The change sets' lines serve the review only.
  const sorted = [...results.values()].map(({ changeSets: _changeSets, ...file }) => file).sort(compareByPath);
  // Only where it mattered: a file that changed under a config ctxmod could not read.
  const changed = new Set(sorted.filter((file) => file.status === 'changed').map((file) => file.path));
  const styleNotes = candidates.filter((task) => changed.has(task.path)).map((task) => manifests.styles.notes.get(task.absolutePath));
  warnings.push(...new Set(styleNotes.filter((note) => note !== undefined)));
  return {
    version: VERSION,
    files: sorted,
    summary: {
      ...buildSummary(sorted, performance.now() - started),
      ...(testFiles > 0 ? { testFilesSkipped: testFiles } : {}),
      ...(diagnostics ? { diagnostics } : {}),
    },
    warnings,
    interrupted: stopped() && (passInterrupted || sorted.some((file) => file.reason === INTERRUPTED_REASON)),
    ...(options.timings ? { timings: { phases: roundTimings(phases), transforms: getTransformCounts(candidateCounts, sorted) } } : {}),
  };
}

/** Per transform, in run order: files its prefilter let through, files it edited (consequences aside). */
function getTransformCounts(candidates: ReadonlyMap<string, number>, files: readonly FileResult[]): RunTimings['transforms'] {
  const counts: Record<string, { candidates: number; edited: number }> = {};
  for (const [name, count] of candidates) counts[name] = { candidates: count, edited: 0 };
  for (const file of files) {
    const edited = new Set(file.findings.filter((finding) => finding.kind === 'edit' && !finding.consequence).map((finding) => finding.transform));
    for (const name of edited) if (counts[name]) counts[name].edited++;
  }
  return counts;
}

/**
 * processFile never throws, so a rejection means the worker itself died (out of memory on a
 * huge file, most often): that file is an error, the pool replaces the worker, the run goes on.
 * A worker dies before its write or after it, never during: writes are atomic.
 */
export async function runInPool(pool: Pick<Tinypool, 'run'>, task: FileTask): Promise<FileResult> {
  try {
    return (await pool.run(task)) as FileResult;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message =
      code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? 'ran out of memory processing this file; not changed (raise it with NODE_OPTIONS=--max-old-space-size=<MB>)'
        : `the worker processing this file stopped: ${error instanceof Error ? error.message : String(error)}`;
    return { path: task.path, status: 'error', findings: [], error: { message } };
  }
}

const INTERRUPTED_REASON = 'interrupted before this file was started';
const INTERRUPTED = (task: FileTask): FileResult => ({ path: task.path, status: 'skipped', findings: [], reason: INTERRUPTED_REASON });

/** Report order: by path, code unit by code unit (not locale order), so runs compare equal. */
export function compareByPath(a: { readonly path: string }, b: { readonly path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Relative to cwd with forward slashes; files outside cwd keep their absolute path. */
export function getDisplayPath(cwd: string, absolutePath: string): string {
  const rel = relative(cwd, absolutePath);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return absolutePath.split(sep).join('/');
  return rel.split(sep).join('/');
}

export function getThreadCount(requested: number | undefined, candidates: number): number {
  const cpus = Math.max(1, Math.floor(requested ?? availableParallelism()));
  return Math.max(1, Math.min(cpus, Math.floor(candidates / MIN_FILES_PER_WORKER)));
}

/**
 * The --verify step: type-check with and without the edits, mark the files whose edits add
 * diagnostics, write the others (unless dry). A thread-signal change set with a part in a file
 * left out is taken out of its other files too (the callee's new parameter without the call
 * that passes it is a set written in part), and what is left is checked again, until the type
 * check leaves out no more files. Updates `results` in place.
 */
async function applyVerified(
  tsconfig: string,
  results: Map<string, FileResult>,
  absolute: ReadonlyMap<string, string>,
  write: boolean,
  stopped: () => boolean,
): Promise<NonNullable<RunSummary['diagnostics']>> {
  const offered: PlannedFile[] = [];
  for (const [path, { contents, changeSets, ...rest }] of results) {
    const file = absolute.get(path);
    if (rest.status === 'changed' && contents && file) {
      offered.push({ path, before: contents.before, after: contents.after, accepted: contents.after, reviewed: true, changeSets: changeSets ?? [], result: rest, absolutePath: file });
    } else {
      results.set(path, rest);
    }
  }
  let plan = keepChangeSetsWhole(offered);
  const getChanges = () => {
    const changes = new Map<string, string>();
    for (const file of offered) {
      const text = plan.texts.get(file.path);
      if (text !== undefined && text !== file.before) changes.set(file.absolutePath, text);
    }
    return changes;
  };
  // One program for all rounds: the sets of each file left out are taken out of their other files.
  const outcome = verifyChanges(tsconfig, getChanges(), (left) => {
    plan = keepChangeSetsWhole(offered.map((file) => (left.has(file.absolutePath) ? { ...file, accepted: undefined } : file)));
    return getChanges();
  });
  const rejected = new Map<string, readonly string[]>();
  for (const file of offered) {
    const added = outcome.rejected.get(file.absolutePath);
    if (added) rejected.set(file.path, added);
  }
  const torn = plan.torn.map((entry) => (rejected.has(entry.path) ? { ...entry, reason: VERIFY_REASON } : entry));
  for (const file of offered) {
    const added = rejected.get(file.path);
    if (!added) continue;
    const findings = [...file.result.findings, ...added.map((diagnostic) => toVerifyFinding(diagnostic))];
    results.set(
      file.path,
      write ? { ...file.result, status: 'error', findings, error: { message: `not written: the edits add ${added.length} type error${added.length === 1 ? '' : 's'}` } } : { ...file.result, findings },
    );
  }
  const others = offered.filter((file) => !rejected.has(file.path));
  if (write) {
    await writePlanned(others, { texts: plan.texts, torn, kept: plan.kept }, results, stopped, (_file, notes) => notes[0]?.message ?? VERIFY_REASON);
  } else {
    // A dry run reports what the type check found; the notes say which sets a write would leave out.
    for (const file of others) results.set(file.path, { ...file.result, findings: [...file.result.findings, ...getTornNotes(torn, file)] });
  }
  return { before: outcome.before, after: outcome.after, ...(outcome.files === undefined ? {} : { files: outcome.files }) };
}

const VERIFY_REASON = 'the edits there add a type error';

/** A changed file on its way to disk: as offered to a review (or the type check), with its result. */
type PlannedFile = ReviewedFile & { readonly result: FileResult; readonly absolutePath: string };

/**
 * Writes the texts of `plan` (what a review or the type check kept). Files a kept change set links
 * are written together, as the thread pass writes them: a write that fails puts back those of
 * the group already written. A file with nothing left to write is skipped with its manual
 * findings and the notes of the sets taken out of it, for the reason `leftOutReason(file, notes)`.
 * `stopBefore()` true: this group and the rest are not written.
 */
async function writePlanned(
  files: readonly PlannedFile[],
  plan: ReturnType<typeof keepChangeSetsWhole>,
  results: Map<string, FileResult>,
  stopBefore: () => boolean,
  leftOutReason: (file: PlannedFile, notes: FileResult['findings']) => string,
): Promise<void> {
  const { texts, kept } = plan;
  const groups = new ChangeSets<string>();
  for (const set of kept) for (const path of set.files) groups.union(set.files[0]!, path);
  const byGroup = new Map<string, PlannedFile[]>();
  for (const file of files) byGroup.set(groups.find(file.path), [...(byGroup.get(groups.find(file.path)) ?? []), file]);
  for (const group of byGroup.values()) {
    const written: { file: PlannedFile; text: string }[] = [];
    let failed: { path: string; message: string } | undefined;
    // Ctrl-C stops between groups, never inside one.
    const interrupted = stopBefore();
    for (const file of group) {
      const { path, before, after, result, absolutePath } = file;
      const notes = getTornNotes(plan.torn, file);
      const manual = result.findings.filter((finding) => finding.kind === 'manual');
      const accepted = texts.get(path);
      if (accepted === undefined || accepted === before) {
        results.set(path, { ...result, status: 'skipped', findings: [...manual, ...notes], reason: leftOutReason(file, notes) });
        continue;
      }
      if (failed) {
        results.set(path, { ...result, status: 'skipped', findings: manual, reason: getGroupFailure(failed) });
        continue;
      }
      if (interrupted) {
        results.set(path, toWritten(result, { message: 'interrupted before this file was written' }));
        continue;
      }
      const findings = accepted === after ? result.findings : getAcceptedFindings(result.findings, { before, after }, accepted);
      const error = await writeResult(absolutePath, before, accepted);
      results.set(path, toWritten({ ...result, findings: [...findings, ...notes].sort((a, b) => a.line - b.line || a.column - b.column) }, error));
      if (!error) {
        written.push({ file, text: accepted });
        continue;
      }
      failed = { path, message: error.message };
      for (const done of written) {
        const restored = await writeResult(done.file.absolutePath, done.text, done.file.before);
        const reason = getGroupFailure(failed);
        results.set(
          done.file.path,
          restored
            ? { ...done.file.result, status: 'error', error: { message: `${reason}; written, and could not be put back: ${restored.message}` } }
            : { ...done.file.result, status: 'skipped', findings: done.file.result.findings.filter((finding) => finding.kind === 'manual'), reason },
        );
      }
    }
  }
}

/** The notes of the change sets taken out of `file`. */
function getTornNotes(torn: readonly TornChangeSet[], file: PlannedFile): FileResult['findings'] {
  return torn.filter(({ revertedIn }) => revertedIn.includes(file.path)).map(({ set, path, reason }) => getTornNote(set, path, reason, file.result.findings));
}

const DECLINED_REASON = 'no change accepted in review';

/**
 * The --interactive step: offer each changed file to `review` in path order, then write what it
 * returned, less the thread-signal change sets it took in part (see `keepChangeSetsWhole`), each
 * with a review note in the files it was taken out of. Edit findings on lines of hunks that were
 * not accepted are dropped: they did not happen. Updates `results` in place.
 */
async function applyReviewed(
  review: NonNullable<RunOptions['review']>,
  results: Map<string, FileResult>,
  absolute: ReadonlyMap<string, string>,
  stopped: () => boolean,
): Promise<void> {
  const paths = [...results.keys()].sort();
  const offered: PlannedFile[] = [];
  for (const path of paths) {
    const result = results.get(path) as FileResult;
    const { contents, changeSets, ...rest } = result;
    const file = absolute.get(path);
    if (result.status !== 'changed' || !contents || !file) {
      results.set(path, rest);
      continue;
    }
    const sets = changeSets ?? [];
    const accepted = stopped() ? undefined : await review({ path, before: contents.before, after: contents.after, findings: rest.findings, ...(sets.length > 0 ? { changeSets: sets } : {}) });
    // A review that Ctrl-C ended (a question answered `q`) did not finish.
    const reviewed = !stopped();
    offered.push({ path, before: contents.before, after: contents.after, accepted, reviewed, changeSets: sets, result: rest, absolutePath: file });
  }
  // Nothing is written before every file was offered: a change set is taken or left whole.
  // A file accepted before the run stopped is written all the same.
  await writePlanned(offered, keepChangeSetsWhole(offered), results, () => false, (file, notes) =>
    stopped() && !file.reviewed ? INTERRUPTED_REASON : (notes[0]?.message ?? DECLINED_REASON),
  );
}

/** Why a file linked to another by a change set was not written, or put back. */
function getGroupFailure(failed: { path: string; message: string }): string {
  return `a change set in it could not be written whole: ${failed.path}: ${failed.message}`;
}

/** The review note a change set taken out of a file leaves there, where its first edit was. */
function getTornNote(set: ReviewChangeSet, where: string, reason: string, findings: FileResult['findings']): FileResult['findings'][number] {
  const files = set.files.length > 3 ? `${set.files.slice(0, 3).join(', ')} and ${set.files.length - 3} more` : set.files.join(', ');
  const line = set.lines[0] ?? 1;
  const column = findings.find((finding) => finding.transform === THREAD_TRANSFORM && finding.line === line)?.column ?? 1;
  return {
    transform: THREAD_TRANSFORM,
    kind: 'manual',
    line,
    column,
    message: `change set not written (${set.label}; ${files}): ${where}: ${reason}; a change set is written whole or not at all`,
    rule: THREAD_RULE,
  };
}

/**
 * Findings minus the edits on input lines that the full change touched but the written text
 * left as they were (declined hunks). An edit on a line no hunk touched is kept.
 */
function getAcceptedFindings(findings: FileResult['findings'], contents: { before: string; after: string }, written: string): FileResult['findings'] {
  const proposed = getChangedLines(contents.before, contents.after);
  const applied = getChangedLines(contents.before, written);
  return findings.filter((finding) => finding.kind === 'manual' || applied.has(finding.line) || !proposed.has(finding.line));
}

/** 1-based lines of `before` that differ in `after` (a pure insertion counts the line before it). */
function getChangedLines(before: string, after: string): Set<number> {
  const lines = new Set<number>();
  for (const hunk of structuredPatch('a', 'b', before, after, '', '', { context: 0 }).hunks) {
    for (let line = hunk.oldStart; line < hunk.oldStart + Math.max(hunk.oldLines, 1); line++) lines.add(line);
  }
  return lines;
}

/** A file's result after its write: as it was, or skipped or an error with the reason. */
function toWritten(result: FileResult, refusal: FileResult['error']): FileResult {
  return refusal === undefined ? result : { ...result, ...getRefusalResult(refusal) };
}

/**
 * The clean-tree guard: each file is looked up in its own repository. Throws DirtyFilesError when
 * any file has uncommitted changes; returns the warning for files in no repository.
 */
async function checkRepositories(cwd: string, files: readonly string[]): Promise<string[]> {
  const { repositories, outside } = await groupByRepository(files);
  const dirty: string[] = [];
  for (const [root, inRoot] of repositories) dirty.push(...(await getDirtyFiles(root, inRoot)));
  if (dirty.length > 0) throw new DirtyFilesError(dirty.map((file) => getDisplayPath(cwd, file)).sort());
  if (outside.length === 0) return [];
  if (outside.length === files.length) return [NOT_IN_REPOSITORY_WARNING];
  const shown = outside.slice(0, 5).map((file) => getDisplayPath(cwd, file));
  const more = outside.length > 5 ? `, and ${outside.length - 5} more` : '';
  return [`${outside.length} file${outside.length === 1 ? ' is' : 's are'} not in a git repository and will be changed with no easy way to review or revert them: ${shown.join(', ')}${more}`];
}

const NOT_IN_REPOSITORY_WARNING = 'not in a git repository: files will be changed with no easy way to review or revert them';

function getRealPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function toVerifyFinding(diagnostic: string): FileResult['findings'][number] {
  const match = /^(\d+):(\d+) (.*)$/s.exec(diagnostic);
  return {
    transform: 'verify',
    kind: 'manual',
    line: match ? Number(match[1]) : 1,
    column: match ? Number(match[2]) : 1,
    message: `the edits add a type error (at this position of the migrated text): ${match ? match[3] : diagnostic}`,
  };
}

export function buildSummary(files: readonly FileResult[], durationMs: number): RunSummary {
  const count = (status: FileResult['status']) => files.filter((file) => file.status === status).length;
  const findings = files.flatMap((file) => file.findings);
  const suppressed = findings.filter((finding) => finding.suppressed).length;
  return {
    files: files.length,
    changed: count('changed'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    errors: count('error'),
    // Fixes, not their consequences: an import added for a rewritten sleep is part of that fix.
    edits: findings.filter((finding) => finding.kind === 'edit' && !finding.consequence).length,
    manual: findings.filter((finding) => finding.kind === 'manual' && !finding.suppressed).length,
    ...(suppressed > 0 ? { suppressed } : {}),
    durationMs: Math.round(durationMs),
  };
}

async function forEachConcurrently<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(lanes);
}

/**
 * The run's per-file transforms on a text held in memory. The thread pass gives functions a
 * signal they did not have; this is what a second run would then do to them (loops that check
 * it, sleeps that take it), done in the same run so that a second one changes nothing.
 */
export function createSourceRunner(options: Pick<RunOptions, 'transforms' | 'transformOptions' | 'manifests'>): (absolutePath: string, text: string) => SourceResult {
  const modules = getTransformsOrThrow(options.transforms);
  const manifests = options.manifests ?? createManifestCaches();
  return (absolutePath, text) => processSource(absolutePath, text, modules, getFileOptions(options.transformOptions ?? {}, absolutePath, manifests));
}
