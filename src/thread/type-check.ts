import type { Project } from 'ts-morph';
import { ts } from 'ts-morph';
import { applyKeptEdits, type DropCause, type PlannedFile, type ThreadAnalysis } from './planned-files.ts';

/** A diagnostic as the note names it, and as before and after are compared (positions move). */
function getKey(diagnostic: ts.Diagnostic): string {
  return `TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
}

/** The code and the first line of the message: what the note names. */
function getHeadline(diagnostic: ts.Diagnostic): string {
  return `TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0]}`;
}

function getDiagnostics(program: ts.Program, name: string): readonly ts.Diagnostic[] {
  const file = program.getSourceFile(name);
  return file ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)] : [];
}

/** The diagnostics of `after` that `before` did not have (as many of each as were added). */
function getAddedDiagnostics(before: readonly ts.Diagnostic[], after: readonly ts.Diagnostic[]): ts.Diagnostic[] {
  const counts = new Map<string, number>();
  for (const diagnostic of before) counts.set(getKey(diagnostic), (counts.get(getKey(diagnostic)) ?? 0) + 1);
  return after.filter((diagnostic) => {
    const left = counts.get(getKey(diagnostic)) ?? 0;
    counts.set(getKey(diagnostic), left - 1);
    return left <= 0;
  });
}

/**
 * The kept change set whose edit lies nearest to `pos` of the edited text: the one a diagnostic
 * there comes from when several sets edit the file (if it was another, the next round drops that).
 */
function getOwningSet(file: PlannedFile, analysis: ThreadAnalysis, pos: number): number | undefined {
  const kept = file.edits.filter(({ set }) => !analysis.dropped.has(set)).sort((a, b) => a.edit.start - b.edit.start);
  let shift = 0;
  let best: { set: number; distance: number } | undefined;
  for (const { edit, set } of kept) {
    const start = edit.start + shift;
    const end = start + edit.text.length;
    const distance = pos < start ? start - pos : pos > end ? pos - end : 0;
    if (!best || distance < best.distance) best = { set, distance };
    shift += edit.text.length - (edit.end - edit.start);
  }
  return best?.set;
}

/**
 * Type-checks the files the kept change sets edit and drops each set that adds a diagnostic to
 * one of them (compared with `program`, the one analysed), with the diagnostic as the reason;
 * again until no set adds one, since dropping a set changes what the others are checked with.
 * `project` is the analysed one: its program is rebuilt from the edited texts (unchanged files
 * are reused), one program more however many rounds it takes.
 *
 * A generator that yields after each file it replaces or checks: a caller that must stay
 * responsive (to SIGINT) turns the event loop there, or stops; `dropSetsWithTypeErrors` runs it through.
 */
export function* checkChangeSets(analysis: ThreadAnalysis, project: Project, program: ts.Program): Generator<void, void, void> {
  const before = new Map<string, readonly ts.Diagnostic[]>();
  const current = new Map<string, string>();
  for (;;) {
    const changed: string[] = [];
    for (const [name, file] of analysis.files) {
      if (file.edits.length === 0) continue;
      const after = applyKeptEdits(file, analysis.dropped);
      const text = after ?? file.before;
      if ((current.get(name) ?? file.before) !== text) {
        project.getSourceFile(name)?.replaceWithText(text);
        current.set(name, text);
        yield;
      }
      if (after !== undefined) changed.push(name);
    }
    if (changed.length === 0) return;
    const next = project.getProgram().compilerObject as unknown as ts.Program;
    yield;
    // Blamed against the sets this round checked: a set dropped for one file is not the owner
    // another file's diagnostic is moved to.
    const blamed = new Map<number, DropCause>();
    for (const name of changed) {
      const file = analysis.files.get(name)!;
      if (!before.has(name)) before.set(name, getDiagnostics(program, name));
      for (const diagnostic of getAddedDiagnostics(before.get(name)!, getDiagnostics(next, name))) {
        const set = getOwningSet(file, analysis, diagnostic.start ?? 0);
        if (set !== undefined && !blamed.has(set)) blamed.set(set, { file: name, message: `it adds a type error: ${getHeadline(diagnostic)}`, error: false });
      }
      yield;
    }
    if (blamed.size === 0) return;
    for (const [set, cause] of blamed) analysis.dropped.set(set, cause);
  }
}

/** `checkChangeSets` at once. */
export function dropSetsWithTypeErrors(analysis: ThreadAnalysis, project: Project, program: ts.Program): void {
  for (const _ of checkChangeSets(analysis, project, program));
}
