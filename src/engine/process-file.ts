import { readFile, stat } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { Finding, TransformOptions } from '../types.ts';
import { getCheckModulesOrThrow, getTransformsOrThrow } from '../registry.ts';
import { buildDiff } from '../report/diff.ts';
import { processSource, type FileError, type FileStatus } from './process-source.ts';

/** One file's job: plain data, so it can cross to a worker thread. */
export interface FileTask {
  readonly absolutePath: string;
  /** Path as reported to the user: relative to cwd, forward slashes. */
  readonly path: string;
  readonly transforms: readonly string[];
  readonly options: TransformOptions;
  /** Write the result to disk (false: dry run). */
  readonly write: boolean;
  /** Produce a unified diff for changed files. */
  readonly diff: boolean;
  /** Return the old and new text of changed files (for --verify, which writes later). */
  readonly keepContents?: boolean;
  /** `ctxmod check`: `transforms` may name check-only detectors. */
  readonly check?: boolean;
}

export interface FileResult {
  readonly path: string;
  readonly status: FileStatus;
  readonly findings: readonly Finding[];
  readonly reason?: string;
  readonly error?: FileError;
  readonly diff?: string;
  /** With `keepContents`, for changed files: the text read and the text to write. */
  readonly contents?: { readonly before: string; readonly after: string };
}

/** read -> processSource -> write or diff. Never throws: every failure is a result. */
export async function processFile(task: FileTask): Promise<FileResult> {
  let raw: string;
  try {
    raw = await readFile(task.absolutePath, 'utf8');
  } catch (error) {
    return { path: task.path, status: 'error', findings: [], error: { message: `cannot read file: ${getMessage(error)}` } };
  }
  const modules = task.check ? getCheckModulesOrThrow(task.transforms) : getTransformsOrThrow(task.transforms);
  const result = processSource(task.path, raw, modules, task.options, !task.check);
  const base = { path: task.path, status: result.status, findings: result.findings, reason: result.reason, error: result.error };
  if (result.status !== 'changed' || result.output === undefined) return base;

  if (task.write) {
    const error = await writeResult(task.absolutePath, raw, result.output);
    if (error) return { ...base, status: 'error', error };
  }
  return {
    ...base,
    ...(task.diff ? { diff: buildDiff(task.path, raw, result.output) } : {}),
    ...(task.keepContents ? { contents: { before: raw, after: result.output } } : {}),
  };
}

/**
 * Replaces the file's text `before` with `after`, atomically (temp file in the same directory,
 * then rename; mode and owner kept). Returns why it did not, if it did not.
 */
export async function writeResult(absolutePath: string, before: string, after: string): Promise<FileError | undefined> {
  try {
    // Someone else wrote the file while we worked on it: theirs wins, we report.
    if ((await readFile(absolutePath, 'utf8')) !== before) return { message: 'file changed on disk during the run; not overwritten' };
    // A rename replaces a read-only file as easily as any other (and root bypasses modes):
    // the mode bits are the owner's word that it must not change.
    if (((await stat(absolutePath)).mode & 0o222) === 0) return { message: 'file is read-only; not written' };
    await writeFileAtomic(absolutePath, after, { encoding: 'utf8' });
    return undefined;
  } catch (error) {
    return { message: `cannot write file: ${getMessage(error)}` };
  }
}

function getMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
