import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { PathNotFoundError, isDiscoverySkip } from '../engine/discover.ts';
import type { FileResult } from '../engine/process-file.ts';
import type { ProgramPassContext, ProgramPassResult } from '../engine/run.ts';
import type { SourceResult } from '../engine/process-source.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import type { ThreadOptions } from './plan.ts';
import { findTsconfig } from './find-tsconfig.ts';
import { mergeThreadResults } from './merge.ts';
import { THREAD_TRANSFORM } from './names.ts';
import type { SharedProject } from './run-thread.ts';
import type { FileSignalFacts } from '../scope/type-facts.ts';

export type { SharedProject } from './run-thread.ts';

/**
 * The tsconfig of the thread pass: `project` (relative to `cwd`; PathNotFoundError when it does
 * not exist), else the nearest tsconfig.json at or above the first path. Undefined: none found.
 */
export function getThreadProject(cwd: string, paths: readonly string[], project: string | undefined): string | undefined {
  if (project !== undefined) {
    const path = resolve(cwd, project);
    if (!existsSync(path)) throw new PathNotFoundError([project]);
    return path;
  }
  return findTsconfig(resolve(cwd, paths[0] ?? '.'));
}

/**
 * What a run says when `subject` (the thread pass, or the rule built on it) found no program to
 * analyse. The API's options have the flags' names (`project`, `thread: false`).
 */
export function getNoTsconfigNote(subject: string, paths: readonly string[], optOut: 'pass' | 'rule'): string {
  return `${subject} skipped: no tsconfig.json found at or above ${paths[0] ?? '.'} (name one with --project, or leave the ${optOut} out with --no-thread)`;
}

export interface ThreadPassOptions extends ThreadOptions {
  readonly project: string;
  readonly dry: boolean;
  /** The per-file transforms' second look at each file the pass changed (see `createSourceRunner`). */
  readonly refine: (absolutePath: string, text: string) => SourceResult;
  readonly signal?: AbortSignal;
  readonly catalog?: readonly CatalogEntry[];
  /** Format the files the pass changed with the repository's formatter (`migrate --format`). */
  readonly format?: boolean;
  /** The project the type lookup loaded, if it did: updated for the pass instead of loaded again. */
  readonly shared?: SharedProject;
}

/**
 * The type lookup of a run (`RunOptions.signalFacts`) over the tsconfig's program, loaded into
 * `shared` for the thread pass to reuse. ts-morph is loaded only when a run asks.
 */
export function createSignalFacts(tsconfig: string, shared: SharedProject): (files: readonly string[]) => Promise<ReadonlyMap<string, FileSignalFacts>> {
  return async (files) => {
    const { getProjectSignalFacts } = await import('./run-thread.ts');
    try {
      return getProjectSignalFacts(tsconfig, shared, files);
    } catch {
      // A tsconfig the compiler cannot load: the lookup goes by name, and the thread pass, if it
      // runs, reports the error when it loads the project itself.
      return new Map();
    }
  };
}

/** The thread pass could not start (its configuration does not fit the project). */
export class ThreadSetupFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThreadSetupFailure';
  }
}

/**
 * The thread pass over the per-file run's results, merged into them. In a dry or held run it
 * continues from the transforms' output held in memory and writes nothing; otherwise it writes
 * its own change sets. Throws ThreadSetupFailure when its configuration does not fit the project.
 */
export async function runThreadPass(perFile: readonly FileResult[], context: ProgramPassContext, options: ThreadPassOptions): Promise<ProgramPassResult> {
  const { project, dry, refine, signal, catalog, format, shared, ...thread } = options;
  const toName = (path: string) => resolve(context.cwd, path).split(sep).join('/');
  // Only the files the run visited may change (not the links and odd files it left out); ts file
  // names use forward slashes.
  const visited = perFile.filter((file) => !(file.status === 'skipped' && isDiscoverySkip(file.reason)));
  const files = new Set(visited.map((file) => toName(file.path)));
  const fromMemory = dry || context.held;
  // Nothing was written: the pass continues from the transforms' output held in memory.
  const overrides = new Map(perFile.flatMap((file) => (fromMemory && file.contents ? [[toName(file.path), file.contents.after] as const] : [])));
  // A change set with an edit in a file the transforms could not process is not written.
  const refused = new Map(
    perFile.flatMap((file) => (file.status === 'error' || file.status === 'skipped' ? [[toName(file.path), file.error?.message ?? file.reason ?? file.status] as const] : [])),
  );
  // Loaded here: ts-morph takes most of a second to load, which a run without the pass does not pay.
  const { threadSignal } = await import('./run-thread.ts');
  // The files the per-file transforms changed since the type lookup loaded them.
  const changed = new Map(perFile.flatMap((file) => (file.status === 'changed' && file.contents ? [[toName(file.path), file.contents.after] as const] : [])));
  const reuse = shared?.project ? { project: shared.project, changed } : undefined;
  const summary: string[] = [];
  try {
    const results = await threadSignal({
      ...thread,
      ...(catalog && catalog.length > 0 ? { catalog } : {}),
      files,
      project,
      cwd: context.cwd,
      dry: fromMemory,
      diff: dry,
      keepContents: context.held,
      overrides,
      refine,
      ...(format ? { format } : {}),
      refused,
      ...(signal ? { signal } : {}),
      onSummary: (lines) => summary.push(...lines),
      afterPerFile: true,
      ...(reuse ? { reuse } : {}),
    });
    return { files: mergeThreadResults(perFile, results), warnings: summary.map((line) => `${THREAD_TRANSFORM}: ${line}`) };
  } catch (error) {
    // The ctx carrier's type cannot be found or built: the per-file results still stand.
    if (error instanceof Error && error.name === 'ThreadSetupError') throw new ThreadSetupFailure(error.message);
    throw error;
  }
}
