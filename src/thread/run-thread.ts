import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { Project, ts } from 'ts-morph';
import type { Finding } from '../types.ts';
import type { FileResult } from '../engine/process-file.ts';
import { writeResult } from '../engine/process-file.ts';
import { buildDiff } from '../report/diff.ts';
import { compareByPath, getDisplayPath } from '../engine/run.ts';
import { planThread, type ThreadOptions } from './plan.ts';
import { applyTextEdits, OverlappingEditsError } from './text-edits.ts';
import { matchBraceSpacing } from '../engine/braces.ts';
import { matchSemicolonStyle } from '../engine/semicolons.ts';
import { THREAD_RULE, THREAD_TRANSFORM } from './names.ts';
import { getLineMapper } from '../report/line-map.ts';
import type { SourceResult } from '../engine/process-source.ts';
import { readPackageApi } from './find-tsconfig.ts';
import { findSourceFile, SOURCE_EXTENSIONS } from './symbols.ts';

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
  /** Gets the plan's lines about the whole program (see `ThreadPlan.summary`). */
  readonly onSummary?: (lines: readonly string[]) => void;
}

/**
 * One compiler program for the tsconfig. ts-morph's Project provides the compiler host (its
 * bundled TypeScript serves the lib files from memory, so a plain `ts.createProgram` would not
 * find them); the analysis itself works on the raw compiler nodes.
 */
export function createProgram(tsconfig: string, overrides?: ReadonlyMap<string, string>): ts.Program {
  const project = new Project({ tsConfigFilePath: tsconfig });
  for (const [path, text] of overrides ?? []) project.getSourceFile(path)?.replaceWithText(text);
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

/** Computes the new text of every file the pass changes, and its findings (no I/O besides loading). */
export function computeThread(options: ThreadRunOptions): { files: Map<string, { before: string; after?: string; findings: Finding[]; error?: string }> } {
  const program = createProgram(options.project, options.overrides);
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
  const files = new Map<string, { before: string; after?: string; findings: Finding[]; error?: string }>();
  const names = new Set([...plan.edits.keys(), ...plan.findings.keys()]);
  for (const name of names) {
    const file = program.getSourceFile(name);
    if (!file) continue;
    const findings: Finding[] = (plan.findings.get(name) ?? [])
      .slice()
      .sort((a, b) => a.pos - b.pos)
      .map((finding) => {
        const { line, character } = file.getLineAndCharacterOfPosition(finding.pos);
        return { transform: THREAD_TRANSFORM, kind: finding.kind, line: line + 1, column: character + 1, message: finding.message, rule: THREAD_RULE };
      });
    const edits = plan.edits.get(name) ?? [];
    try {
      files.set(name, { before: file.text, after: edits.length > 0 ? matchBraceSpacing(file.text, matchSemicolonStyle(file.text, applyTextEdits(file.text, edits))) : undefined, findings });
    } catch (error) {
      if (!(error instanceof OverlappingEditsError)) throw error;
      files.set(name, { before: file.text, findings, error: `thread-signal planned conflicting edits (${error.message}); file not changed` });
    }
  }
  return { files };
}

/** Runs the cross-file pass: plan, apply each file's edits once, write atomically (unless dry). */
export async function threadSignal(options: ThreadRunOptions): Promise<FileResult[]> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const { files } = computeThread(options);
  const results: FileResult[] = [];
  for (const [name, file] of files) {
    const path = getDisplayPath(cwd, name);
    if (file.error) {
      results.push({ path, status: 'error', findings: file.findings, error: { message: file.error } });
      continue;
    }
    if (file.after === undefined || file.after === file.before) {
      results.push({ path, status: 'unchanged', findings: file.findings });
      continue;
    }
    // ts reads files without a BOM; the text on disk (or given) must be what was analysed.
    const raw = await readFile(name, 'utf8');
    if ((options.overrides?.get(name) ?? raw) !== file.before) {
      results.push({ path, status: 'skipped', findings: file.findings, reason: 'file text differs from what the type checker read (BOM?); not changed' });
      continue;
    }
    const { after, findings } = refineThreaded(options, name, file.before, file.after, file.findings);
    if (!options.dry) {
      const error = await writeResult(name, raw, after);
      if (error) {
        results.push({ path, status: 'error', findings: file.findings, error });
        continue;
      }
    }
    results.push({
      path,
      status: 'changed',
      findings,
      ...(options.diff ? { diff: buildDiff(path, raw, after) } : {}),
    });
  }
  return results.sort(compareByPath);
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
