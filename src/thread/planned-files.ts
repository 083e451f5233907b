import { ts } from 'ts-morph';
import type { Finding } from '../types.ts';
import { matchBraceSpacing } from '../engine/braces.ts';
import { matchSemicolonStyle } from '../engine/semicolons.ts';
import { getSuppressions, isSuppressed, mayHaveSuppressions } from '../check/suppressions.ts';
import { THREAD_RULE, THREAD_TRANSFORM } from './names.ts';
import type { ThreadPlan } from './plan.ts';
import { applyTextEdits, OverlappingEditsError, type TextEdit } from './text-edits.ts';

/** One file the pass plans to change or reports on, its edits and findings by change set. */
export interface PlannedFile {
  /** The text analysed (the type checker's: without a BOM). */
  readonly before: string;
  readonly edits: readonly { readonly edit: TextEdit; readonly set: number }[];
  /** `set`: the change set whose edit the finding lists; none for review notes. */
  readonly findings: readonly { readonly finding: Finding; readonly set?: number }[];
  /** Where each change set's first edit in this file is (1-based), for the note when it is dropped. */
  readonly setPositions: ReadonlyMap<number, { readonly line: number; readonly column: number }>;
}

/** Why a change set is not written. */
export interface DropCause {
  /** The absolute name of the file that stops the set. */
  readonly file: string;
  readonly message: string;
  /** The file itself failed (it gets status `error`); otherwise the set is only skipped. */
  readonly error: boolean;
  /** A suppression comment covers one of the set's sites: its notes are listed as suppressed. */
  readonly suppressed?: boolean;
}

/** The pass's plan as change sets over files, and the sets that will not be written. */
export interface ThreadAnalysis {
  readonly files: Map<string, PlannedFile>;
  /** Change set number -> what it threads. */
  readonly labels: readonly string[];
  readonly dropped: Map<number, DropCause>;
}

/** The plan's edits and findings, per file, each with its change set. */
export function buildAnalysis(program: ts.Program, plan: ThreadPlan): ThreadAnalysis {
  const files = new Map<string, PlannedFile>();
  for (const name of new Set([...plan.edits.keys(), ...plan.findings.keys()])) {
    const file = program.getSourceFile(name);
    if (!file) continue;
    const toPosition = (pos: number) => {
      const { line, character } = file.getLineAndCharacterOfPosition(pos);
      return { line: line + 1, column: character + 1 };
    };
    const findings = (plan.findings.get(name) ?? [])
      .slice()
      .sort((a, b) => a.pos - b.pos)
      .map((planned) => {
        const finding: Finding = {
          transform: THREAD_TRANSFORM,
          kind: planned.kind,
          ...toPosition(planned.pos),
          message: planned.message,
          rule: THREAD_RULE,
          ...(planned.handled ? { handled: true } : {}),
        };
        const set = plan.sets.ofFinding.get(planned);
        return set === undefined ? { finding } : { finding, set };
      });
    const edits = (plan.edits.get(name) ?? []).map((edit) => ({ edit, set: plan.sets.ofEdit.get(edit)! }));
    const setPositions = new Map<number, { line: number; column: number }>();
    for (const { edit, set } of [...edits].sort((a, b) => a.edit.start - b.edit.start)) {
      if (!setPositions.has(set)) setPositions.set(set, toPosition(edit.start));
    }
    files.set(name, { before: file.text, edits, findings, setPositions });
  }
  return { files, labels: plan.sets.labels, dropped: new Map() };
}

/** The change sets with an edit in `file`. */
export function getSetsOf(file: PlannedFile): Set<number> {
  return new Set(file.edits.map(({ set }) => set));
}

/** Drops every change set with an edit in the file `name` (those already dropped keep their cause). */
export function dropSetsOf(analysis: ThreadAnalysis, name: string, cause: Omit<DropCause, 'file'>): void {
  const file = analysis.files.get(name);
  if (!file) return;
  for (const set of getSetsOf(file)) if (!analysis.dropped.has(set)) analysis.dropped.set(set, { file: name, ...cause });
}

/**
 * The file's text with the edits of the sets not dropped, laid out like the file (braces,
 * semicolons); undefined when none is left. Throws OverlappingEditsError.
 */
export function applyKeptEdits(file: PlannedFile, dropped: ReadonlyMap<number, DropCause>): string | undefined {
  const edits = file.edits.filter(({ set }) => !dropped.has(set)).map(({ edit }) => edit);
  if (edits.length === 0) return undefined;
  return matchBraceSpacing(file.before, matchSemicolonStyle(file.before, applyTextEdits(file.before, edits)));
}

/**
 * Drops the sets no file can be written for without knowing the disk: a file outside the paths
 * being migrated, one the per-file pass refused (unparseable, too large), one over the size limit,
 * one with syntax errors, and one whose edits conflict (until no file has conflicting edits left).
 */
export function dropUnwritableSets(
  analysis: ThreadAnalysis,
  checks: {
    readonly files?: ReadonlySet<string>;
    readonly refused?: ReadonlyMap<string, string>;
    readonly maxLength: number;
    readonly hasSyntaxErrors: (name: string) => boolean;
  },
): void {
  for (const [name, file] of analysis.files) {
    if (file.edits.length === 0) continue;
    const refused = checks.refused?.get(name);
    if (checks.files !== undefined && !checks.files.has(name)) dropSetsOf(analysis, name, { message: 'outside the paths being migrated', error: false });
    else if (refused !== undefined) dropSetsOf(analysis, name, { message: `the per-file pass did not process it (${refused})`, error: false });
    else if (file.before.length > checks.maxLength) dropSetsOf(analysis, name, { message: `larger than ${checks.maxLength / 1024 / 1024} MiB`, error: false });
    // The type checker parses what the per-file parser may never have looked at (its prefilter).
    else if (checks.hasSyntaxErrors(name)) dropSetsOf(analysis, name, { message: 'it does not parse', error: false });
  }
  for (let conflicts = true; conflicts; ) {
    conflicts = false;
    for (const [name, file] of analysis.files) {
      try {
        applyKeptEdits(file, analysis.dropped);
      } catch (error) {
        if (!(error instanceof OverlappingEditsError)) throw error;
        dropSetsOf(analysis, name, { message: `thread-signal planned conflicting edits (${error.message}); file not changed`, error: true });
        conflicts = true;
      }
    }
  }
}

/**
 * Drops the sets with a site that a `ctxmod-ignore-next-line` / `ctxmod-disable` comment covers
 * for the thread pass's rule: suppressions bind `migrate` as they bind `check`, and a set is
 * written whole or not at all.
 */
export function dropSuppressedSets(analysis: ThreadAnalysis): void {
  for (const [name, file] of analysis.files) {
    if (file.edits.length === 0 || !mayHaveSuppressions(file.before)) continue;
    const suppressions = getSuppressions(file.before);
    for (const { finding, set } of file.findings) {
      if (set === undefined || analysis.dropped.has(set) || finding.kind !== 'edit' || finding.consequence) continue;
      const rule = finding.rule ?? THREAD_RULE;
      if (!isSuppressed(suppressions, finding.line, rule)) continue;
      analysis.dropped.set(set, { file: name, message: `a suppression comment covers ${rule} at line ${finding.line}`, error: false, suppressed: true });
    }
  }
}

/** The note a dropped change set leaves in each of its files. */
export function buildDropNote(analysis: ThreadAnalysis, set: number, getPath: (name: string) => string): string {
  const cause = analysis.dropped.get(set)!;
  const files = [...analysis.files].filter(([, file]) => getSetsOf(file).has(set)).map(([name]) => getPath(name));
  const where = files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ');
  return `change set not written (${analysis.labels[set]}; ${where}): ${getPath(cause.file)}: ${cause.message}`;
}

/**
 * A file's findings: review notes, the edits of the sets written, and a note for each dropped set
 * with an edit in it (at its first edit).
 */
export function getFileFindings(analysis: ThreadAnalysis, file: PlannedFile, getPath: (name: string) => string): Finding[] {
  const kept = file.findings.filter(({ set }) => set === undefined || !analysis.dropped.has(set)).map(({ finding }) => finding);
  const notes = [...getSetsOf(file)]
    .filter((set) => analysis.dropped.has(set))
    .map((set): Finding => ({
      transform: THREAD_TRANSFORM,
      kind: 'manual',
      ...file.setPositions.get(set)!,
      message: buildDropNote(analysis, set, getPath),
      rule: THREAD_RULE,
      ...(analysis.dropped.get(set)!.suppressed ? { suppressed: true } : {}),
    }));
  return [...kept, ...notes].sort((a, b) => a.line - b.line || a.column - b.column);
}
