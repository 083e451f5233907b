import { isAbsolute, resolve } from 'node:path';
import type { Rule, SourceCode } from 'eslint';
import { toDiagnostic, type Diagnostic } from '../check/check.ts';
import { getSuppressions, isSuppressed, type Suppressions } from '../check/suppressions.ts';
import { applyConfig, parseConfig, type ConfigurableOptions } from '../config.ts';
import { createManifestCaches, getFileOptions } from '../engine/file-options.ts';
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
// package.json answers by directory, for the life of the ESLint process (as for one `ctxmod check` run).
const manifests = createManifestCaches();

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
  const options = getFileOptions(getSettingsOptions(context.settings), path, manifests);
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
