import type { Finding, TransformModule, TransformOptions } from '../types.ts';
import { applyTransforms } from './context.ts';
import { printRoot } from './print.ts';
import { getJscodeshift, getParserName, isTypeScriptPath } from './parsers.ts';
import { normalizeText, restoreText } from './text.ts';

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'error';

export interface FileError {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export interface SourceResult {
  readonly status: FileStatus;
  /** The new file content, only when `status` is `changed`. */
  readonly output?: string;
  readonly findings: readonly Finding[];
  /** Why a file was skipped. */
  readonly reason?: string;
  readonly error?: FileError;
  /** False when the prefilter ruled out every transform and the file was never parsed. */
  readonly parsed: boolean;
}

/** Larger files are nearly always generated or bundled; parsing them costs a lot and helps nobody. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Transforms whose prefilter lets this text through. */
export function selectTransforms(text: string, transforms: readonly TransformModule[]): TransformModule[] {
  return transforms.filter((module) => module.meta.mayApply(text));
}

/**
 * The whole per-file path, free of I/O: prefilter -> parse once -> every transform in order on
 * the same root -> print once. Used by the CLI, the API, the workers and the fixture tests alike.
 */
export function processSource(
  path: string,
  raw: string,
  transforms: readonly TransformModule[],
  options: TransformOptions = {},
  /** False for `ctxmod check`: only the findings are wanted, the edited text is never printed. */
  print = true,
): SourceResult {
  if (raw.length > MAX_FILE_BYTES) {
    return { status: 'skipped', reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`, findings: [], parsed: false };
  }
  const { text, shape } = normalizeText(raw);
  const selected = selectTransforms(text, transforms);
  if (selected.length === 0) return { status: 'unchanged', findings: [], parsed: false };

  const j = getJscodeshift(getParserName(path, text));
  let root;
  try {
    root = j(text);
  } catch (error) {
    if (isStackOverflow(error)) return { status: 'error', error: { message: TOO_DEEP_MESSAGE }, findings: [], parsed: true };
    return { status: 'error', error: getParseError(error), findings: [], parsed: true };
  }

  let findings: Finding[];
  let output: string | undefined;
  try {
    findings = applyTransforms(j, root, { path, source: text, typescript: isTypeScriptPath(path) }, selected, options);
    // Transforms record every edit they make. With none recorded there is nothing to print, and
    // printing anyway could only introduce recast's own formatting changes.
    const printed = print && findings.some((finding) => finding.kind === 'edit') ? printRoot(root, text) : text;
    if (printed !== text) output = restoreText(printed, shape);
  } catch (error) {
    if (isStackOverflow(error)) return { status: 'error', error: { message: TOO_DEEP_MESSAGE }, findings: [], parsed: true };
    // Any other throw here is a ctxmod bug, not bad input: say so, keep the stack for the report.
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { status: 'error', error: { message: `internal error (please report): ${message}` }, findings: [], parsed: true };
  }
  if (output === undefined) return { status: 'unchanged', findings, parsed: true };
  return { status: 'changed', output, findings, parsed: true };
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
