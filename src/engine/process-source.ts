import type { Collection, JSCodeshift } from 'jscodeshift';
import type { FileError, PrefilterHints, SourceResult as PublicSourceResult } from '../public-types.ts';
import type { Finding, TransformModule, TransformOptions } from '../types.ts';
import { applyTransforms, type FileInput, TransformError } from './context.ts';
import { type EditProblem, findEditProblems, type NetOptions } from './safety-net.ts';
import { printRoot } from './print.ts';
import { getUnaccountedHunks } from '../report/hunks.ts';
import { getSuppressions, mayHaveSuppressions } from '../check/suppressions.ts';
import { suppressEdits } from './suppress-edits.ts';
import { getJscodeshift, getParserName, isTypeScriptPath } from './parsers.ts';
import { normalizeText, restoreText } from './text.ts';
import { addTime, type PhaseTimings, timed } from './timings.ts';
import { takeIndexBuildTime } from '../ast/file-index.ts';
import { hashParsedText, hasTypedSignals, type FileSignalFacts } from '../scope/type-facts.ts';

export type { FileError, FileStatus } from '../public-types.ts';

/** `processSource`'s result, with where its time went (`--timings`). */
export interface SourceResult extends PublicSourceResult {
  /** Time spent in parse, index, transforms and print (the safety net included), in ms. */
  readonly timings?: PhaseTimings;
}

/** Larger files are nearly always generated or bundled; parsing them costs a lot and helps nobody. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Transforms whose prefilter lets this text through. */
export function selectTransforms(text: string, transforms: readonly TransformModule[], hints?: PrefilterHints): TransformModule[] {
  return transforms.filter((module) => module.meta.mayApply(text, hints));
}

/**
 * The whole per-file path, free of I/O: prefilter -> parse once -> every transform in order on
 * the same root -> print once -> the safety net (`findEditProblems`) on the printed text. Used by
 * the CLI, the API, the workers and the fixture tests alike. A transform that throws, whose edits
 * cannot be printed, or whose edits the net rejects costs only its own edits on this file: the
 * file is run again from the source without it, and a `manual` finding of that transform says why.
 * Edits at sites a suppression comment covers are taken out of the printed text (`suppressEdits`).
 */
export function processSource(
  path: string,
  raw: string,
  transforms: readonly TransformModule[],
  options: TransformOptions = {},
  /** False for `ctxmod check`: only the findings are wanted, the edited text is never printed. */
  print = true,
  /** What the type checker says of the file's signals; used only if computed on this very text. */
  signalFacts?: FileSignalFacts,
): SourceResult {
  if (raw.length > MAX_FILE_BYTES) {
    return { status: 'skipped', reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`, findings: [], parsed: false };
  }
  const { text, shape } = normalizeText(raw);
  const facts = signalFacts && signalFacts.hash === hashParsedText(text) ? signalFacts : undefined;
  const selected = selectTransforms(text, transforms, facts && hasTypedSignals(facts) ? { typedSignals: true } : undefined);
  if (selected.length === 0) return { status: 'unchanged', findings: [], parsed: false };

  const parser = getParserName(path, text);
  const j = getJscodeshift(parser);
  const timings: PhaseTimings = {};
  let root: Collection;
  try {
    root = timed(timings, 'parse', () => j(text));
  } catch (error) {
    if (isStackOverflow(error)) return { status: 'error', error: { message: TOO_DEEP_MESSAGE }, findings: [], parsed: true, timings };
    return { status: 'error', error: getParseError(error), findings: [], parsed: true, timings };
  }

  const file: FileInput = { path, source: text, typescript: isTypeScriptPath(path), ...(facts ? { signalFacts: facts } : {}) };
  const net: NetOptions = { parser, runtime: options.runtime, ...(shape.shebang ? { shebang: raw.replace(/^\uFEFF/, '').split('\n')[0] } : {}) };
  // Each round either succeeds or leaves out one more transform, so this ends.
  const dropped: Finding[] = [];
  let active = selected;
  for (;;) {
    let outcome: Outcome;
    try {
      outcome = runPipeline(j, root, file, active, options, print ? net : undefined, timings);
    } catch (error) {
      if (isStackOverflow(error)) return { status: 'error', error: { message: TOO_DEEP_MESSAGE }, findings: [], parsed: true, timings };
      // Any other throw here is a ctxmod bug that no single transform accounts for: say so, keep the stack.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      return { status: 'error', error: { message: `internal error (please report): ${message}` }, findings: [], parsed: true, timings };
    }
    if ('failed' in outcome) {
      const { failed } = outcome;
      dropped.push(...outcome.findings);
      active = active.filter((module) => module.meta.name !== failed);
      root = timed(timings, 'parse', () => j(text));
      continue;
    }
    if (print && mayHaveSuppressions(text)) {
      const isSafe = (printed: string, kept: readonly Finding[]) => getNetProblems(j, text, printed, kept, net).length === 0;
      const suppressed = suppressEdits(text, outcome.printed, outcome.findings, getSuppressions(text), isSafe);
      if ('withheld' in suppressed) {
        dropped.push(...suppressed.findings);
        active = active.filter((module) => !suppressed.withheld.includes(module.meta.name));
        root = timed(timings, 'parse', () => j(text));
        continue;
      }
      outcome = suppressed;
    }
    const findings = [...outcome.findings, ...dropped].sort((a, b) => a.line - b.line || a.column - b.column);
    if (outcome.printed === text) return { status: 'unchanged', findings, parsed: true, timings };
    return { status: 'changed', output: restoreText(outcome.printed, shape), findings, parsed: true, timings };
  }
}

type Outcome = { findings: Finding[]; printed: string } | { failed: string; findings: Finding[] };

/**
 * The transforms on `root`, then one print and, with `net`, the safety net on what would be
 * written. When a transform throws, its edits cannot be printed, or the net finds something its
 * edits broke, that transform is named (`failed`) with the findings that say why: the caller runs
 * the others again from the source without it.
 */
function runPipeline(
  j: JSCodeshift,
  root: Collection,
  file: FileInput,
  transforms: readonly TransformModule[],
  options: TransformOptions,
  net: NetOptions | undefined,
  timings: PhaseTimings,
): Outcome {
  let findings: Finding[];
  try {
    takeIndexBuildTime();
    findings = timed(timings, 'transforms', () => applyTransforms(j, root, file, transforms, options));
    // The index is built on the transforms' first query: its own phase, not theirs.
    const indexing = takeIndexBuildTime();
    addTime(timings, 'index', indexing);
    addTime(timings, 'transforms', -indexing);
  } catch (error) {
    if (!(error instanceof TransformError)) throw error;
    // Too deep a tree is a limit of the file, not a bug of the transform that hit it.
    if (isStackOverflow(error.cause)) throw error.cause;
    // A transform may throw on a tree that one before it left broken: try them one at a time.
    return findCulprit(j, file, transforms, options, net) ?? { failed: error.transform, findings: [getInternalError(error.transform, error.cause)] };
  }
  // Transforms record every edit they make. With none recorded there is nothing to print, and
  // printing anyway could only introduce recast's own formatting changes.
  if (!net || !findings.some((finding) => finding.kind === 'edit')) return { findings, printed: file.source };
  try {
    const printed = timed(timings, 'print', () => printRoot(root, file.source, options.style));
    if (printed === file.source || timed(timings, 'print', () => getNetProblems(j, file.source, printed, findings, net)).length === 0) return { findings, printed };
  } catch {
    // Told apart below, one transform at a time.
  }
  const blamed = findCulprit(j, file, transforms, options, net);
  if (!blamed) throw new Error('the edits of all transforms together fail, those of each one alone do not');
  return blamed;
}

/**
 * Which transform breaks the file: each transform in turn on a fresh root, the output printed
 * (and, with `net`, checked) after each one that edited. The first that throws, leaves a tree
 * that cannot be printed, or whose output the net rejects is the one. Only on the failure path.
 */
function findCulprit(
  j: JSCodeshift,
  file: FileInput,
  transforms: readonly TransformModule[],
  options: TransformOptions,
  net: NetOptions | undefined,
): { failed: string; findings: Finding[] } | undefined {
  const root = j(file.source);
  for (const module of transforms) {
    const name = module.meta.name;
    let printed: string;
    let findings: Finding[];
    try {
      findings = applyTransforms(j, root, file, [module], options);
      if (!findings.some((finding) => finding.kind === 'edit')) continue;
      printed = printRoot(root, file.source, options.style);
    } catch (error) {
      return { failed: name, findings: [getInternalError(name, error instanceof TransformError ? error.cause : error)] };
    }
    const problems = net ? getNetProblems(j, file.source, printed, findings, net) : [];
    if (problems.length > 0) return { failed: name, findings: getProblemFindings(name, problems) };
  }
  return undefined;
}

/**
 * What the net finds wrong with `printed`: edits that change what a name refers to
 * (`findEditProblems`), and lines the printer changed away from every edit the findings name
 * (recast reprinting a neighbour): a change nobody reports is a change nobody reviews.
 */
function getNetProblems(j: JSCodeshift, source: string, printed: string, findings: readonly Finding[], net: NetOptions): EditProblem[] {
  const edits = findings.filter((finding) => finding.kind === 'edit');
  const reprints = getUnaccountedHunks(source, printed, edits).map((hunk) => ({
    line: Math.max(1, hunk.line),
    column: 1,
    message: ENGINE_MESSAGES.reprint(Math.max(1, hunk.line)),
  }));
  return reprints.length > 0 ? reprints : findEditProblems(j, source, printed, net);
}

export const ENGINE_MESSAGES = {
  reprint: (line: number) => `the printer would also rewrite line ${line}, away from every edit`,
  internalError: (transform: string, error: string) => `internal error in ${transform} (please report): ${error}; its edits to this file were left out`,
  dropped: (problem: string) => `${problem}: none of this transform's edits to the file were written, review this site by hand`,
} as const;

function getInternalError(transform: string, error: unknown): Finding {
  const text = error instanceof Error ? `${error.name}: ${error.message}${getTopFrame(error)}` : String(error);
  return { transform, kind: 'manual', line: 1, column: 1, message: ENGINE_MESSAGES.internalError(transform, text) };
}

/** Where the error was thrown, for the bug report. */
function getTopFrame(error: Error): string {
  const frame = error.stack?.split('\n').find((line) => line.trimStart().startsWith('at '));
  return frame ? ` (${frame.trim()})` : '';
}

function getProblemFindings(transform: string, problems: readonly EditProblem[]): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const { line, column, message } of problems) {
    const key = `${line}:${column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ transform, kind: 'manual', line, column, message: ENGINE_MESSAGES.dropped(message) });
  }
  return findings;
}

/**
 * The parser, recast and the transforms recurse over the tree: code nested thousands of levels
 * deep (generated code often is) can run out of stack. That is a limit of this file, not a bug.
 */
export const TOO_DEEP_MESSAGE = 'nested too deeply to process (the call stack ran out); not changed';

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function getParseError(error: unknown): FileError {
  const message = error instanceof Error ? error.message : String(error);
  const loc = (error as { loc?: { line: number; column: number } }).loc;
  // Babel appends "(line:col)" to its messages; the location is reported separately.
  const clean = message.replace(/\s*\(\d+:\d+\)$/, '');
  return loc ? { message: clean, line: loc.line, column: loc.column + 1 } : { message: clean };
}
