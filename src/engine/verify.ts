import { createRequire } from 'node:module';
import { resolve } from 'node:path';
// ts-morph bundles TypeScript's compiler API (the native `typescript` 7 has none).
import type { Project, ts } from 'ts-morph';
import { VerifyError } from '../errors.ts';

export { VerifyError };

/**
 * ts-morph, loaded on first use: loading it takes most of a second, which every CLI run would
 * otherwise pay at startup whether it verifies or not.
 */
let tsMorph: typeof import('ts-morph') | undefined;
function getTsMorph(): typeof import('ts-morph') {
  tsMorph ??= createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
  return tsMorph;
}

export interface VerifyOutcome {
  /** Diagnostics of the whole program before any edit. */
  readonly before: number;
  /** Diagnostics with the accepted edits applied. */
  readonly after: number;
  /** Changed files whose edits add diagnostics: absolute path -> the new diagnostics, formatted. */
  readonly rejected: ReadonlyMap<string, readonly string[]>;
}

/**
 * Type-checks the project of `tsconfigPath` before and after `changes` (absolute path -> new
 * text), and rejects every changed file in which the edits add diagnostics. Diagnostics are
 * compared per file by code and message, not position, since the edits move code.
 */
export function verifyChanges(tsconfigPath: string, changes: ReadonlyMap<string, string>): VerifyOutcome {
  const { Project } = getTsMorph();
  let project: Project;
  try {
    // ts-morph serves TypeScript's lib files from memory: its bundled compiler has none on disk.
    project = new Project({ tsConfigFilePath: tsconfigPath });
  } catch (error) {
    throw new VerifyError(`cannot load ${tsconfigPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const program = () => project.getProgram().compilerObject;
  const beforeDiagnostics = getDiagnosticsByFile(program());
  const beforeCount = countAll(beforeDiagnostics);
  if (changes.size === 0) return { before: beforeCount, after: beforeCount, rejected: new Map() };

  const originals = new Map<string, string>();
  for (const [file, text] of changes) {
    const sourceFile = project.getSourceFile(file);
    if (sourceFile) originals.set(file, sourceFile.getFullText());
    project.createSourceFile(file, text, { overwrite: true });
  }
  const after = program();
  const afterDiagnostics = getDiagnosticsByFile(after);
  const rejected = new Map<string, string[]>();
  const reject = (file: string, diagnostics: readonly string[]) => rejected.set(file, [...(rejected.get(file) ?? []), ...diagnostics]);
  for (const [file, diagnostics] of afterDiagnostics) {
    const added = subtract(diagnostics, beforeDiagnostics.get(file) ?? []);
    if (added.length === 0) continue;
    if (changes.has(file)) {
      reject(file, added);
      continue;
    }
    // An unchanged file broke: blame the changed files it imports (a helper that gained a
    // parameter, say), naming the file that broke.
    for (const imported of getImportedFiles(project, file)) {
      if (changes.has(imported)) reject(imported, added.map((diagnostic) => `in ${file}: ${diagnostic}`));
    }
  }
  if (rejected.size === 0) return { before: beforeCount, after: countAll(afterDiagnostics), rejected };

  for (const file of rejected.keys()) {
    const original = originals.get(file);
    if (original !== undefined) project.createSourceFile(file, original, { overwrite: true });
  }
  return { before: beforeCount, after: countAll(getDiagnosticsByFile(program())), rejected };
}

/** Absolute paths of the project files `file` imports or re-exports from. */
function getImportedFiles(project: Project, file: string): string[] {
  const sourceFile = project.getSourceFile(file);
  if (!sourceFile) return [];
  return [...sourceFile.getImportDeclarations(), ...sourceFile.getExportDeclarations()].flatMap((declaration) => {
    const target = declaration.getModuleSpecifierSourceFile();
    return target ? [resolve(target.getFilePath())] : [];
  });
}

/** Formatted diagnostics per absolute file path; program-wide ones under ''. */
function getDiagnosticsByFile(program: ts.Program): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const diagnostic of getTsMorph().ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file ? resolve(diagnostic.file.fileName) : '';
    const list = byFile.get(file) ?? [];
    list.push(formatDiagnostic(diagnostic));
    byFile.set(file, list);
  }
  return byFile;
}

export function formatDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = `TS${diagnostic.code}: ${flatten(diagnostic.messageText)}`;
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${line + 1}:${character + 1} ${message}`;
}

/** Diagnostics in `after` with no counterpart (same code and message) in `before`. */
function subtract(after: readonly string[], before: readonly string[]): string[] {
  const remaining = new Map<string, number>();
  const key = (formatted: string) => formatted.replace(/^\d+:\d+ /, '');
  for (const entry of before) remaining.set(key(entry), (remaining.get(key(entry)) ?? 0) + 1);
  return after.filter((entry) => {
    const count = remaining.get(key(entry)) ?? 0;
    if (count > 0) remaining.set(key(entry), count - 1);
    return count === 0;
  });
}

function countAll(byFile: ReadonlyMap<string, readonly string[]>): number {
  let total = 0;
  for (const list of byFile.values()) total += list.length;
  return total;
}

function flatten(message: string | ts.DiagnosticMessageChain): string {
  return getTsMorph().ts.flattenDiagnosticMessageText(message, '\n');
}
