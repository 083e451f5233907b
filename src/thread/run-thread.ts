import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { Project, ts } from 'ts-morph';
import type { Finding } from '../types.ts';
import type { ReviewChangeSet } from '../public-types.ts';
import type { FileResult } from '../engine/process-file.ts';
import { writeResult } from '../engine/process-file.ts';
import { formatWithRepositoryFormatter, getFormattedFinding } from '../engine/format.ts';
import { MAX_FILE_BYTES } from '../engine/process-source.ts';
import { buildDiff } from '../report/diff.ts';
import { compareByPath, getDisplayPath } from '../engine/run.ts';
import { planThread, type ThreadOptions } from './plan.ts';
import { ChangeSets } from './change-sets.ts';
import {
  applyKeptEdits,
  buildAnalysis,
  buildDropNote,
  dropSetsOf,
  dropSuppressedSets,
  dropUnwritableSets,
  getFileFindings,
  getSetsOf,
  type DropCause,
  type PlannedFile,
  type ThreadAnalysis,
} from './planned-files.ts';
import { checkChangeSets, dropSetsWithTypeErrors } from './type-check.ts';
import { getLineMapper } from '../report/line-map.ts';
import type { SourceResult } from '../engine/process-source.ts';
import { readPackageApi } from './find-tsconfig.ts';
import { findSourceFile, SOURCE_EXTENSIONS } from './symbols.ts';
import { getSignalFacts } from './signal-facts.ts';
import type { FileSignalFacts } from '../scope/type-facts.ts';

/** An entry's source is code, not a declaration file. */
const CODE_EXTENSIONS = SOURCE_EXTENSIONS.filter((extension) => extension !== '.d.ts');

export { findTsconfig } from './find-tsconfig.ts';
export { ThreadSetupError } from './context-type.ts';
export { THREAD_RULE, THREAD_TRANSFORM } from './names.ts';

export interface ThreadRunOptions extends ThreadOptions {
  /** The tsconfig of the project. */
  readonly project: string;
  readonly cwd?: string;
  readonly dry?: boolean;
  readonly diff?: boolean;
  /**
   * Texts to analyse instead of what is on disk (absolute paths with forward slashes): in a dry
   * run, the per-file transforms' output, so that the pass continues from it and each file gets
   * one diff from its text on disk.
   */
  readonly overrides?: ReadonlyMap<string, string>;
  /**
   * The per-file transforms, run again on each file the pass changed (see `createSourceRunner`):
   * the functions it gave a signal may now have loops and sleeps that take one.
   */
  readonly refine?: (absolutePath: string, text: string) => SourceResult;
  /**
   * Format each file the pass changed with the repository's own formatter, after `refine` and
   * before the change sets are written (see `formatWithRepositoryFormatter`).
   */
  readonly format?: boolean;
  /** Gets the plan's lines about the whole program (see `ThreadPlan.summary`). */
  readonly onSummary?: (lines: readonly string[]) => void;
  /**
   * Files the per-file pass did not process (unparseable, too large), by absolute name with why:
   * no change set with an edit in one is written.
   */
  readonly refused?: ReadonlyMap<string, string>;
  /** computeThread: drop the change sets that add a type error (threadSignal always does). */
  readonly typeCheck?: boolean;
  /** Stops threadSignal: between the steps of the analysis (nothing written), or between change sets. */
  readonly signal?: AbortSignal;
  /**
   * threadSignal: give each changed file's text on disk and its new text (`FileResult.contents`),
   * for a run that type-checks or reviews the edits before writing them (with `dry`).
   */
  readonly keepContents?: boolean;
  /** How threadSignal reads a file for its checks before writing (default: fs.readFile). */
  readonly readFile?: (absolutePath: string) => Promise<Buffer>;
  /**
   * threadSignal: the project the run already loaded for the type lookup (see `SharedProject`),
   * with the files changed since by name (absolute, forward slashes) and their new texts: updated
   * instead of loaded again.
   */
  readonly reuse?: { readonly project: Project; readonly changed: ReadonlyMap<string, string> };
}

/**
 * One compiler program for the tsconfig. ts-morph's Project provides the compiler host (its
 * bundled TypeScript serves the lib files from memory, so a plain `ts.createProgram` would not
 * find them); the analysis itself works on the raw compiler nodes.
 */
export function createProgram(tsconfig: string, overrides?: ReadonlyMap<string, string>): ts.Program {
  return getCompilerProgram(createProject(tsconfig, overrides));
}

/** The ts-morph project behind `createProgram`: the type check of the edits rebuilds its program. */
function createProject(tsconfig: string, overrides?: ReadonlyMap<string, string>): Project {
  const project = new Project({ tsConfigFilePath: tsconfig });
  for (const [path, text] of overrides ?? []) project.getSourceFile(path)?.replaceWithText(text);
  return project;
}

/** A project loaded before the per-file transforms, brought up to their texts. */
function updateProject(reuse: NonNullable<ThreadRunOptions['reuse']>, overrides?: ReadonlyMap<string, string>): Project {
  for (const [path, text] of [...reuse.changed, ...(overrides ?? [])]) {
    const file = reuse.project.getSourceFile(path);
    if (file && file.getFullText() !== text) file.replaceWithText(text);
  }
  return reuse.project;
}

/**
 * The ts-morph project of one `migrate`, loaded at most once: for the type lookup before the
 * per-file transforms (`getProjectSignalFacts`), then, updated, for the thread pass.
 */
export interface SharedProject {
  project?: Project;
}

/** The type lookup's facts of `files` (absolute paths; see `getSignalFacts`), from the shared project. */
export function getProjectSignalFacts(tsconfig: string, shared: SharedProject, files: readonly string[]): Map<string, FileSignalFacts> {
  shared.project ??= new Project({ tsConfigFilePath: tsconfig });
  const names = files.map((file) => resolve(file).split(sep).join('/'));
  const facts = getSignalFacts(getCompilerProgram(shared.project), names);
  const found = new Map<string, FileSignalFacts>();
  for (const [index, file] of files.entries()) {
    const fileFacts = facts.get(names[index]!);
    if (fileFacts) found.set(file, fileFacts);
  }
  return found;
}

function getCompilerProgram(project: Project): ts.Program {
  return project.getProgram().compilerObject as unknown as ts.Program;
}

/**
 * The source files behind a package's entries: `./dist/index.js` is `src/index.ts` when the
 * tsconfig builds `rootDir` into `outDir`; `./index.js` next to `index.ts` is that file. Entries
 * with no source in the program are left out.
 */
function getEntrySources(program: ts.Program, entries: readonly string[]): string[] {
  const toPosix = (path: string) => path.split(sep).join('/');
  const { outDir, rootDir } = program.getCompilerOptions();
  const built = outDir && rootDir ? { from: `${toPosix(outDir)}/`, to: `${toPosix(rootDir)}/` } : undefined;
  const sources: string[] = [];
  for (const entry of entries) {
    let path = toPosix(entry);
    if (built && path.startsWith(built.from)) path = built.to + path.slice(built.from.length);
    const file = findSourceFile(program, path.replace(/(\.d)?\.[cm]?[jt]sx?$/, ''), CODE_EXTENSIONS);
    if (file) sources.push(file.fileName);
  }
  return sources;
}

/** What the pass computed for one file: its text before and after, its findings, why it failed. */
export interface ThreadFile {
  readonly before: string;
  readonly after?: string;
  readonly findings: Finding[];
  readonly error?: string;
}

/** The program and the plan as change sets, with the sets that cannot be written dropped. */
function analyse(options: ThreadRunOptions, program: ts.Program): ThreadAnalysis {
  // A relative contextImport is a path from the working directory, not a module specifier.
  const contextImport = options.contextImport?.startsWith('.')
    ? resolve(options.cwd ?? process.cwd(), options.contextImport).split(sep).join('/')
    : options.contextImport;
  // Also decides which functions nothing in the project calls are threaded: a package's exports.
  const api = readPackageApi(options.project);
  const entries = api?.published ? getEntrySources(program, api.entries) : [];
  const plan = planThread(program, {
    ...options,
    published: api?.published === true,
    ...(entries.length > 0 ? { publicEntries: entries } : {}),
    ...(contextImport === undefined ? {} : { contextImport }),
  });
  options.onSummary?.(plan.summary);
  const analysis = buildAnalysis(program, plan);
  // The audit (`check`) reports every site and hides the suppressed ones itself.
  if (!options.audit) dropSuppressedSets(analysis);
  dropUnwritableSets(analysis, {
    ...(options.files ? { files: options.files } : {}),
    ...(options.refused ? { refused: options.refused } : {}),
    maxLength: MAX_FILE_BYTES,
    hasSyntaxErrors: (name) => {
      const file = program.getSourceFile(name);
      return file !== undefined && program.getSyntacticDiagnostics(file).length > 0;
    },
  });
  return analysis;
}

/** Each file's text with the change sets kept, and its findings. */
function getThreadFiles(analysis: ThreadAnalysis, getPath: (name: string) => string): Map<string, ThreadFile> {
  const files = new Map<string, ThreadFile>();
  for (const [name, file] of analysis.files) {
    const findings = getFileFindings(analysis, file, getPath);
    const failed = [...analysis.dropped.values()].find((cause) => cause.error && cause.file === name);
    const after = applyKeptEdits(file, analysis.dropped);
    files.set(name, { before: file.before, findings, ...(after === undefined ? {} : { after }), ...(failed ? { error: failed.message } : {}) });
  }
  return files;
}

/**
 * Computes the new text of every file the pass changes, and its findings (no I/O besides
 * loading); with `typeCheck`, without the change sets that add a type error. Also gives the
 * program analysed (the texts before the edits), so that a caller can type-check it without
 * loading the project again.
 */
export function computeThread(options: ThreadRunOptions): { files: Map<string, ThreadFile>; program: ts.Program } {
  const project = options.reuse ? updateProject(options.reuse, options.overrides) : createProject(options.project, options.overrides);
  const program = getCompilerProgram(project);
  const analysis = analyse(options, program);
  if (options.typeCheck) dropSetsWithTypeErrors(analysis, project, program);
  // Notes name files from the working directory given, else from the project's.
  const cwd = resolve(options.cwd ?? dirname(options.project));
  return { files: getThreadFiles(analysis, (name) => getDisplayPath(cwd, name)), program };
}

/** The text on disk of a file the pass would write, as read for the checks before writing. */
interface FileWrite {
  /** The text read (with its BOM), which the write replaces. */
  readonly raw: string;
  readonly hash: string;
  /** What the file gets: the kept sets' edits, the BOM it had, the per-file transforms' second look. */
  readonly after: string;
  readonly findings: readonly Finding[];
  /** The kept sets with an edit in the file, and the lines of the text analysed they change. */
  readonly changeSets: readonly ReviewChangeSet[];
}

const BOM = '\uFEFF';
const stripBom = (text: string) => (text.startsWith(BOM) ? text.slice(1) : text);
const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Lets a pending SIGINT's listener run between the synchronous steps of the analysis. */
const yieldToSignals = () => new Promise<void>((done) => setImmediate(done));

/** What was read of a file the pass would change, after the analysis. */
interface FileRead {
  readonly raw: string;
  readonly hash: string;
  readonly bom: boolean;
}

/**
 * The analysis step by step, each after a turn of the event loop so that a SIGINT listener runs:
 * build the program, plan, check the files on disk, type-check the edits. Undefined once stopped.
 */
async function analyseInSteps(
  options: ThreadRunOptions,
  read: (name: string) => Promise<Buffer>,
  stopped: () => boolean,
): Promise<{ analysis: ThreadAnalysis; disk: Map<string, FileRead> } | undefined> {
  const step = async <T>(work: () => T | Promise<T>): Promise<T | undefined> => {
    await yieldToSignals();
    return stopped() ? undefined : work();
  };
  const project = await step(() => (options.reuse ? updateProject(options.reuse, options.overrides) : createProject(options.project, options.overrides)));
  const program = project && (await step(() => getCompilerProgram(project)));
  const analysis = program && (await step(() => analyse(options, program)));
  if (!project || !program || !analysis) return undefined;
  const disk = await step(async () => {
    const found = new Map<string, FileRead>();
    for (const [name, file] of analysis.files) {
      if (file.edits.length === 0) continue;
      const cause = await checkFileWrite(name, file.before, options, read, found);
      if (cause) dropSetsOf(analysis, name, cause);
    }
    return found;
  });
  if (!disk) return undefined;
  for (const _ of checkChangeSets(analysis, project, program)) {
    await yieldToSignals();
    if (stopped()) return undefined;
  }
  await yieldToSignals();
  return stopped() ? undefined : { analysis, disk };
}

/**
 * Runs the cross-file pass: plan change sets, drop those that cannot be written whole or add a
 * type error, then write set by set, each file atomically after checking it did not change since
 * it was read. `signal` stops it between the steps of the analysis (nothing written, no results)
 * and between change sets (the sets written are whole).
 */
export async function threadSignal(options: ThreadRunOptions): Promise<FileResult[]> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const getPath = (name: string) => getDisplayPath(cwd, name);
  const read = options.readFile ?? ((name: string) => readFile(name));
  const stopped = () => options.signal?.aborted === true;
  const analysed = await analyseInSteps(options, read, stopped);
  if (!analysed) return [];
  const { analysis, disk } = analysed;

  const texts = new Map<string, FileWrite>();
  for (const [name, file] of analysis.files) {
    const after = applyKeptEdits(file, analysis.dropped);
    const found = disk.get(name);
    if (after === undefined || !found) continue;
    const findings = getFileFindings(analysis, file, getPath);
    const refined = refineThreaded(options, name, file.before, (found.bom ? BOM : '') + stripBom(after), findings);
    // Only a run that reviews the edits before writing them needs the sets' lines.
    const changeSets = options.keepContents ? getChangeSets(analysis, file, refined.findings.slice(findings.length), getPath) : [];
    texts.set(name, { raw: found.raw, hash: found.hash, ...(options.format ? formatThreaded(name, file.before, refined) : refined), changeSets });
  }
  const written = options.dry ? new Set(texts.keys()) : await writeChangeSets(analysis, texts, read, stopped);
  return buildResults(analysis, texts, written, { diff: options.diff === true, keepContents: options.keepContents === true }, getPath);
}

/**
 * A result per file: `changed` when written, `error` when it stopped its set itself, `skipped`
 * (with the first reason) when a set was dropped and nothing written, else `unchanged`.
 */
function buildResults(
  analysis: ThreadAnalysis,
  texts: ReadonlyMap<string, FileWrite>,
  written: ReadonlySet<string>,
  { diff, keepContents }: { readonly diff: boolean; readonly keepContents: boolean },
  getPath: (name: string) => string,
): FileResult[] {
  const results: FileResult[] = [];
  for (const [name, file] of analysis.files) {
    const path = getPath(name);
    const text = written.has(name) ? texts.get(name) : undefined;
    const findings = text ? text.findings : getFileFindings(analysis, file, getPath);
    const failed = [...analysis.dropped.values()].find((cause) => cause.error && cause.file === name);
    // A set the user suppressed leaves the file unchanged, not skipped: it was done as asked.
    const dropped = [...getSetsOf(file)].filter((set) => analysis.dropped.has(set) && !analysis.dropped.get(set)!.suppressed);
    if (text && text.after !== text.raw) {
      results.push({
        path,
        status: 'changed',
        findings,
        ...(diff ? { diff: buildDiff(path, text.raw, text.after) } : {}),
        ...(keepContents ? { contents: { before: text.raw, after: text.after }, changeSets: text.changeSets } : {}),
      });
    } else if (failed) {
      results.push({ path, status: 'error', findings, error: { message: failed.message } });
    } else if (dropped.length > 0) {
      results.push({ path, status: 'skipped', findings, reason: buildDropNote(analysis, dropped[0]!, getPath) });
    } else {
      results.push({ path, status: 'unchanged', findings });
    }
  }
  return results.sort(compareByPath);
}

/**
 * Why a file cannot be written, if it cannot: its text on disk (BOM aside) is not the one analysed,
 * or it or its directory is read-only. Records what was read in `disk`.
 */
async function checkFileWrite(
  name: string,
  analysed: string,
  options: ThreadRunOptions,
  read: (name: string) => Promise<Buffer>,
  disk: Map<string, FileRead>,
): Promise<Omit<DropCause, 'file'> | undefined> {
  let bytes: Buffer;
  try {
    bytes = await read(name);
  } catch (error) {
    return { message: `cannot read file: ${error instanceof Error ? error.message : String(error)}`, error: true };
  }
  const raw = bytes.toString('utf8');
  // In a dry run the pass read the per-file transforms' output, which is what counts.
  const base = options.overrides?.get(name) ?? raw;
  if (stripBom(base) !== stripBom(analysed)) return { message: CHANGED_ON_DISK, error: true };
  disk.set(name, { raw, hash: hashOf(bytes), bom: base.startsWith(BOM) });
  if (options.dry) return undefined;
  try {
    // The mode bits are the owner's word that the file must not change (root bypasses them).
    if (((await stat(name)).mode & 0o222) === 0) return { message: 'file is read-only; not written', error: true };
    await access(name, constants.W_OK);
    // The atomic write puts a temp file beside it.
    await access(dirname(name), constants.W_OK);
  } catch (error) {
    return { message: `cannot write file: ${error instanceof Error ? error.message : String(error)}`, error: true };
  }
  return undefined;
}

const CHANGED_ON_DISK = 'file changed on disk during the run; not overwritten';
const INTERRUPTED = 'interrupted before this change set was written';

/**
 * Writes the kept change sets, those that share a file together: each file is checked unchanged
 * since it was read right before the group is written, a failed write puts back the files of the
 * group already written. Stops between groups once `stopped()`. Returns the files written.
 */
async function writeChangeSets(
  analysis: ThreadAnalysis,
  texts: ReadonlyMap<string, FileWrite>,
  read: (name: string) => Promise<Buffer>,
  stopped: () => boolean,
): Promise<Set<string>> {
  const groups = new ChangeSets<number>();
  for (const file of analysis.files.values()) {
    const sets = [...getSetsOf(file)].filter((set) => !analysis.dropped.has(set));
    for (const set of sets) groups.union(sets[0]!, set);
  }
  const files = new Map<number, string[]>();
  for (const [name, file] of analysis.files) {
    if (!texts.has(name)) continue;
    const kept = [...getSetsOf(file)].find((set) => !analysis.dropped.has(set));
    if (kept === undefined) continue;
    const group = groups.find(kept);
    files.set(group, [...(files.get(group) ?? []), name]);
  }
  const dropGroup = (group: number, cause: DropCause) => {
    for (const set of analysis.labels.keys()) if (!analysis.dropped.has(set) && groups.find(set) === group) analysis.dropped.set(set, cause);
  };
  const written = new Set<string>();
  for (const [group, names] of files) {
    // A turn of the event loop: a SIGINT that came during the last write is seen here.
    await yieldToSignals();
    if (stopped()) {
      dropGroup(group, { file: names[0]!, message: INTERRUPTED, error: false });
      continue;
    }
    const changed = await findChangedFile(names, texts, read);
    if (changed !== undefined) {
      dropGroup(group, { file: changed, message: CHANGED_ON_DISK, error: true });
      continue;
    }
    const done: string[] = [];
    for (const name of names) {
      const { raw, after } = texts.get(name)!;
      const error = await writeResult(name, raw, after);
      if (!error) {
        done.push(name);
        continue;
      }
      // Put back what the group wrote so far: a set is written whole or not at all.
      const restored = await Promise.all(done.map((other) => writeResult(other, texts.get(other)!.after, texts.get(other)!.raw)));
      const lost = done.filter((_, index) => restored[index] !== undefined);
      for (const other of lost) written.add(other);
      dropGroup(group, { file: name, message: lost.length > 0 ? `${error.message}; ${lost.join(', ')} could not be put back` : error.message, error: true });
      done.length = 0;
      break;
    }
    for (const name of done) written.add(name);
  }
  return written;
}

/** The first of `names` whose bytes on disk are not those read before the analysis ended. */
async function findChangedFile(names: readonly string[], texts: ReadonlyMap<string, FileWrite>, read: (name: string) => Promise<Buffer>): Promise<string | undefined> {
  for (const name of names) {
    try {
      if (hashOf(await read(name)) !== texts.get(name)!.hash) return name;
    } catch {
      return name;
    }
  }
  return undefined;
}

/**
 * The kept change sets with an edit in `file`, each with the lines of the text analysed that its
 * edits change, for a review that must take or leave a set whole. The per-file transforms'
 * second look (`refined`) edits the functions the pass threaded, with what it threaded (a signal
 * parameter): its lines go with every set of the file.
 */
function getChangeSets(analysis: ThreadAnalysis, file: PlannedFile, refined: readonly Finding[], getPath: (name: string) => string): ReviewChangeSet[] {
  const lineStarts = [0];
  for (let index = file.before.indexOf('\n'); index !== -1; index = file.before.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  // The number of lines that start at or before `offset`.
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (lineStarts[middle]! <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const lines = new Map<number, Set<number>>();
  for (const { edit, set } of file.edits) {
    if (analysis.dropped.has(set)) continue;
    const setLines = lines.get(set) ?? new Set<number>();
    for (let line = lineOf(edit.start); line <= lineOf(Math.max(edit.start, edit.end - 1)); line++) setLines.add(line);
    lines.set(set, setLines);
  }
  for (const setLines of lines.values()) for (const finding of refined) setLines.add(finding.line);
  return [...lines].map(([id, setLines]) => ({
    id,
    label: analysis.labels[id]!,
    lines: [...setLines].sort((a, b) => a - b),
    files: [...analysis.files].filter(([, other]) => getSetsOf(other).has(id)).map(([name]) => getPath(name)),
  }));
}

/**
 * The threaded text after the per-file transforms' second look. Only their edits are new (what
 * they report they reported before the pass), placed on the lines of the text the pass read.
 */
function refineThreaded(options: ThreadRunOptions, name: string, before: string, after: string, findings: readonly Finding[]): { after: string; findings: readonly Finding[] } {
  const refined = options.refine?.(name, after);
  if (refined?.status !== 'changed' || refined.output === undefined) return { after, findings };
  const mapLine = getLineMapper(before, after);
  const edits = refined.findings.filter((finding) => finding.kind === 'edit').map((finding) => ({ ...finding, line: mapLine(finding.line) }));
  return { after: refined.output, findings: [...findings, ...edits] };
}

/**
 * The pass's text of a file through the repository's formatter. When the formatter fails, the
 * text stays as printed (still correct code) with a finding that says so: the file belongs to a
 * change set, which is written whole or not at all, so it cannot be left out the way a file of
 * the per-file transforms is.
 */
function formatThreaded(name: string, before: string, refined: { after: string; findings: readonly Finding[] }): { after: string; findings: readonly Finding[] } {
  const formatted = formatWithRepositoryFormatter(name, refined.after);
  if ('error' in formatted) {
    const message = `not formatted (its thread-signal edits belong to a change set, written whole or not at all): ${formatted.error}`;
    return { after: refined.after, findings: [...refined.findings, { transform: 'format', kind: 'manual', line: 1, column: 1, message }] };
  }
  if (formatted.text === refined.after) return refined;
  return { after: formatted.text, findings: [...refined.findings, getFormattedFinding(formatted.formatter, before, formatted.text)] };
}
