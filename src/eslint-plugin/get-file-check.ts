import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Rule, SourceCode } from 'eslint';
import { toDiagnostic, type Diagnostic } from '../check/check.ts';
import { getSuppressions, isSuppressed, type Suppressions } from '../check/suppressions.ts';
import { applyConfig, parseConfig, type ConfigurableOptions } from '../config.ts';
import { createManifestCaches, getFileOptions, type ManifestCaches } from '../engine/file-options.ts';
import { CONFIG_FILES } from '../engine/style-config.ts';
import { processSource, type FileError } from '../engine/process-source.ts';
import { detectors, transforms } from '../registry.ts';
import type { Finding, TransformOptions } from '../types.ts';

/** A diagnostic of `ctxmod check` and the finding it came from. */
export interface FileProblem {
  readonly diagnostic: Diagnostic;
  readonly finding: Finding;
}

/** What `ctxmod check` finds in the file ESLint is linting, shared by every rule of the plugin. */
export interface FileCheck {
  /** The absolute path, which picks the parser and the nearest package.json. */
  readonly path: string;
  /** ESLint's text of the file (no BOM): every location and fix range is in it. */
  readonly text: string;
  readonly options: TransformOptions;
  readonly suppressions: Suppressions;
  readonly problems: readonly FileProblem[];
  /** Why nothing was checked: ctxmod's parser failed on the file, or the file is too large. */
  readonly notChecked?: FileError;
  /** Set once a rule has reported `notChecked`, so that it is reported once per file. */
  notCheckedReported: boolean;
}

const files = new WeakMap<SourceCode, FileCheck>();
const configs = new WeakMap<object, TransformOptions>();
/**
 * package.json and formatter config answers by directory, as for one `ctxmod check` run, kept as
 * long as the files they were read from stay as they were: an editor or eslint_d lints for hours
 * in one process. Each directory above a linted file has a stamp, taken before the lookups read
 * it: its own mtime (a file created, deleted or renamed there changes it) and the size and mtime
 * of each file the lookups may read there (as ESLint's cache compares a file's size and mtime).
 * A stamp that differs drops every answer.
 */
let manifests = createManifestCaches();
const stamps = new Map<string, DirectoryStamp>();
const STAMPED_FILES = [...new Set(['package.json', '.editorconfig', ...CONFIG_FILES])];

interface DirectoryStamp {
  readonly mtime: string;
  /** The stamped files that exist, with their size and mtime. */
  readonly files: ReadonlyMap<string, string>;
}

function getManifestCaches(path: string): ManifestCaches {
  const chain: string[] = [];
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    chain.push(dir);
    if (dirname(dir) === dir) break;
  }
  if (chain.some((dir) => !isStampCurrent(dir))) {
    manifests = createManifestCaches();
    stamps.clear();
  }
  for (const dir of chain) if (!stamps.has(dir)) stamps.set(dir, takeStamp(dir));
  return manifests;
}

/** True when `dir` was not stamped yet, or nothing it was stamped with changed. */
function isStampCurrent(dir: string): boolean {
  const stamp = stamps.get(dir);
  if (!stamp) return true;
  // The directory's mtime says whether the set of files in it changed: only those that existed need a look.
  if (getSignature(dir) !== stamp.mtime) return false;
  return [...stamp.files].every(([name, signature]) => getSignature(join(dir, name)) === signature);
}

function takeStamp(dir: string): DirectoryStamp {
  const files = new Map<string, string>();
  for (const name of STAMPED_FILES) {
    const signature = getSignature(join(dir, name));
    if (signature !== undefined) files.set(name, signature);
  }
  return { mtime: getSignature(dir) ?? '', files };
}

/** Size and mtime (in nanoseconds, where the file system has them); undefined when there is no such file. */
function getSignature(path: string): string | undefined {
  try {
    const stats = statSync(path, { throwIfNoEntry: false, bigint: true });
    return stats && `${stats.size}@${stats.mtimeNs}`;
  } catch {
    return undefined;
  }
}

/**
 * The check of the file being linted, run once per file whichever rules are on: the same
 * per-file pipeline as `ctxmod check` (every transform and detector on one parse of the text),
 * on the text ESLint holds, with `ctxmod-ignore-next-line` / `ctxmod-disable` comments honoured.
 */
export function getFileCheck(context: Rule.RuleContext): FileCheck {
  const { sourceCode } = context;
  const cached = files.get(sourceCode);
  if (cached) return cached;
  const path = isAbsolute(context.filename) ? context.filename : resolve(context.cwd, context.filename);
  const options = getFileOptions(getSettingsOptions(context.settings), path, getManifestCaches(path));
  const text = sourceCode.text;
  const result = processSource(path, text, [...transforms, ...detectors], options, false);
  const suppressions = getSuppressions(text);
  const problems = result.findings.flatMap((finding) =>
    toDiagnostic(finding, {})
      .filter((diagnostic) => !isSuppressed(suppressions, diagnostic.line, diagnostic.rule))
      .map((diagnostic) => ({ diagnostic, finding })),
  );
  const notChecked = result.error ?? (result.reason === undefined ? undefined : { message: result.reason });
  const file: FileCheck = { path, text, options, suppressions, problems, ...(notChecked ? { notChecked } : {}), notCheckedReported: false };
  files.set(sourceCode, file);
  return file;
}

/**
 * `settings.ctxmod` of the ESLint config: what `ctxmod.config.json` holds (catalog, targetNode,
 * thread roots), validated as that file is, so that the plugin and `ctxmod check` agree.
 */
function getSettingsOptions(settings: Rule.RuleContext['settings']): TransformOptions {
  const raw = (settings as { ctxmod?: unknown }).ctxmod;
  if (raw === undefined) return {};
  const key = typeof raw === 'object' && raw !== null ? raw : undefined;
  const cached = key && configs.get(key);
  if (cached) return cached;
  const options = applyConfig<ConfigurableOptions>({}, parseConfig(raw, 'settings.ctxmod')).transformOptions ?? {};
  if (key) configs.set(key, options);
  return options;
}
