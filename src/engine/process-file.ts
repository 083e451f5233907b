import { randomBytes } from 'node:crypto';
import { open, readFile, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FileResult as PublicFileResult, ReviewChangeSet } from '../public-types.ts';
import type { TransformOptions } from '../types.ts';
import type { FileSignalFacts } from '../scope/type-facts.ts';
import { getCheckModulesOrThrow, getTransformsOrThrow } from '../registry.ts';
import { buildDiff } from '../report/diff.ts';
import { formatWithRepositoryFormatter, getFormattedFinding } from './format.ts';
import { processSource, type FileError } from './process-source.ts';
import { addTime, type PhaseTimings } from './timings.ts';

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
  /** Run the repository's own formatter on the new text of a changed file (see `formatWithRepositoryFormatter`). */
  readonly format?: boolean;
  /** What the type checker says of the file's signals (see `RunOptions.signalFacts`). */
  readonly signalFacts?: FileSignalFacts;
}

export interface FileResult extends PublicFileResult {
  /** With `keepContents`, for changed files: the text read and the text to write. */
  readonly contents?: { readonly before: string; readonly after: string };
  /** With `contents`, for a file the thread-signal pass changed: its change sets there (see `ReviewFile.changeSets`). */
  readonly changeSets?: readonly ReviewChangeSet[];
  /** Time this file spent in each per-file phase, in ms (see `RunReport.timings`). */
  readonly timings?: PhaseTimings;
}

/** Edits of a file that is not UTF-8 would replace every byte they cannot read with U+FFFD. */
export const NOT_UTF8_MESSAGE = 'not valid UTF-8 text; not changed (ctxmod reads and writes UTF-8 only)';
export const CHANGED_ON_DISK_MESSAGE = 'file changed on disk during the run; not overwritten';
export const RACED_MESSAGE = 'file changed on disk while it was being written; the other change was kept, not this one';
/**
 * An atomic rename gives the path a new inode and leaves the other names with the old text; a
 * write in place keeps the links but can be torn by a crash. Neither is acceptable silently.
 */
export const HARD_LINK_REASON = 'has more than one hard link; not written (a rename would split the links, a write in place is not atomic)';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as text, or undefined when they are not UTF-8. The BOM is kept. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** read -> processSource -> write or diff. Never throws: every failure is a result. */
export async function processFile(task: FileTask): Promise<FileResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(task.absolutePath);
  } catch (error) {
    return { path: task.path, status: 'error', findings: [], error: { message: `cannot read file: ${getMessage(error)}` } };
  }
  const raw = decodeUtf8(bytes);
  if (raw === undefined) return { path: task.path, status: 'error', findings: [], error: { message: NOT_UTF8_MESSAGE } };
  const modules = task.check ? getCheckModulesOrThrow(task.transforms) : getTransformsOrThrow(task.transforms);
  const result = processSource(task.path, raw, modules, task.options, !task.check, task.signalFacts);
  const timings: PhaseTimings = { ...result.timings };
  let base: FileResult = { path: task.path, status: result.status, findings: result.findings, reason: result.reason, error: result.error, timings };
  if (result.status !== 'changed' || result.output === undefined) return base;
  let output = result.output;
  if (task.format) {
    const formatted = formatWithRepositoryFormatter(task.absolutePath, output);
    if ('error' in formatted) return { ...base, status: 'error', error: { message: formatted.error } };
    if (formatted.text === raw) return { ...base, status: 'unchanged' };
    output = formatted.text;
    base = { ...base, findings: [...base.findings, getFormattedFinding(formatted.formatter, raw, output)] };
  }

  if (task.write) {
    const started = performance.now();
    const refusal = await writeResult(task.absolutePath, bytes, output);
    addTime(timings, 'write', performance.now() - started);
    if (refusal) return { ...base, ...getRefusalResult(refusal) };
  }
  return {
    ...base,
    ...(task.diff ? { diff: buildDiff(task.path, raw, output) } : {}),
    ...(task.keepContents ? { contents: { before: raw, after: output } } : {}),
  };
}

/** A refused write as a file's status: hard links are left alone by design, anything else is an error. */
export function getRefusalResult(refusal: FileError): Pick<FileResult, 'status' | 'reason' | 'error'> {
  return refusal.message === HARD_LINK_REASON ? { status: 'skipped', reason: refusal.message } : { status: 'error', error: refusal };
}

/**
 * The temp file a write goes through, beside the target (a rename is atomic only within one file
 * system): `.<name>.ctxmod-<pid>-<random>.tmp`, so that one left by a killed run is easy to find.
 */
export function getTempPath(absolutePath: string): string {
  return join(dirname(absolutePath), `.${basename(absolutePath)}.ctxmod-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Replaces the file's content `before` (its bytes, or its text as UTF-8) with `after`,
 * atomically: temp file in the same directory, then rename; mode and owner kept. Returns why it
 * did not, if it did not.
 *
 * Someone else may write the file while ctxmod works on it: theirs wins. The file is compared
 * with `before` when the write starts and again (size, mtime, inode, content) immediately before
 * the rename; a write that still slips in between that check and the rename went to the old
 * inode, which is held open: it is detected there and put back.
 */
export async function writeResult(absolutePath: string, before: string | Uint8Array, after: string): Promise<FileError | undefined> {
  const expected = typeof before === 'string' ? Buffer.from(before, 'utf8') : Buffer.from(before.buffer, before.byteOffset, before.byteLength);
  let temp: string | undefined;
  try {
    const initial = await stat(absolutePath);
    if (!(await readFile(absolutePath)).equals(expected)) return { message: CHANGED_ON_DISK_MESSAGE };
    // A rename replaces a read-only file as easily as any other (and root bypasses modes):
    // the mode bits are the owner's word that it must not change.
    if ((initial.mode & 0o222) === 0) return { message: 'file is read-only; not written' };
    if (initial.nlink > 1) return { message: HARD_LINK_REASON };

    temp = getTempPath(absolutePath);
    const handle = await open(temp, 'wx', initial.mode & 0o7777);
    try {
      await handle.writeFile(after, 'utf8');
      await handle.chmod(initial.mode & 0o7777);
      // Only root can give a file away; anyone else keeps writing files they own.
      if (process.getuid?.() === 0) await handle.chown(initial.uid, initial.gid);
      await handle.sync();
    } finally {
      await handle.close();
    }

    const original = await open(absolutePath, 'r');
    try {
      const checked = await original.stat();
      if (!isSameFile(initial, checked) || !(await readAll(original, checked.size)).equals(expected)) return { message: CHANGED_ON_DISK_MESSAGE };
      await rename(temp, absolutePath);
      temp = undefined;
      const late = await original.stat();
      if (!isSameFile(checked, late)) {
        await restore(absolutePath, await readAll(original, late.size), initial.mode & 0o7777);
        return { message: RACED_MESSAGE };
      }
    } finally {
      await original.close();
    }
    return undefined;
  } catch (error) {
    return { message: `cannot write file: ${getMessage(error)}` };
  } finally {
    if (temp !== undefined) await unlink(temp).catch(() => undefined);
  }
}

function isSameFile(a: import('node:fs').Stats, b: import('node:fs').Stats): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** The whole file from its start, whatever the handle's position. */
async function readAll(handle: FileHandle, size: number): Promise<Buffer> {
  const buffer = Buffer.alloc(size);
  let offset = 0;
  while (offset < size) {
    const { bytesRead } = await handle.read(buffer, offset, size - offset, offset);
    if (bytesRead === 0) break;
    offset += bytesRead;
  }
  return buffer.subarray(0, offset);
}

/** Puts `bytes` back at the path, atomically, as the run found them plus the late change. */
async function restore(absolutePath: string, bytes: Buffer, mode: number): Promise<void> {
  const temp = getTempPath(absolutePath);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, absolutePath);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

function getMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
