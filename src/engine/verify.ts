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
  /** Diagnostics of the checked files (all of the program's unless `files`) before any edit. */
  readonly before: number;
  /** Diagnostics of the same files with the accepted edits applied. */
  readonly after: number;
  /**
   * How many files were checked when the edits cannot reach the others (see verifyChanges);
   * undefined when the whole program was.
   */
  readonly files?: number;
  /** Changed files whose edits add diagnostics: absolute path -> the new diagnostics, formatted. */
  readonly rejected: ReadonlyMap<string, readonly string[]>;
}

/**
 * Type-checks the project of `tsconfigPath` before and after `changes` (absolute path -> new
 * text), and rejects every changed file in which the edits add diagnostics. Diagnostics are
 * compared per file by code and message, not position, since the edits move code. Once no more
 * files are rejected, `revise` (given every file rejected so far) may return other changes to
 * check in their place, on the same program: what is left when the rejected files' change sets
 * are taken out of their other files too. The outcome is that of the last changes checked, with
 * every file rejected on the way.
 *
 * Only the files the edits can reach are checked: the changed files, and the files that import,
 * directly or through others, a changed file whose declarations (its .d.ts) read differently
 * after the edits. An edit inside a function body changes nothing for importers; a new parameter
 * does. A changed script or module augmentation reaches every file: then the whole program is
 * checked, as `tsc` would.
 */
export function verifyChanges(
  tsconfigPath: string,
  changes: ReadonlyMap<string, string>,
  revise?: (rejected: ReadonlySet<string>) => ReadonlyMap<string, string>,
): VerifyOutcome {
  const { Project } = getTsMorph();
  let project: Project;
  try {
    // ts-morph serves TypeScript's lib files from memory: its bundled compiler has none on disk.
    project = new Project({ tsConfigFilePath: tsconfigPath });
  } catch (error) {
    throw new VerifyError(`cannot load ${tsconfigPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const nothing = { before: 0, after: 0, files: 0 };
  if (changes.size === 0) return { ...nothing, rejected: new Map() };
  const program = () => project.getProgram().compilerObject;
  const beforeProgram = program();
  // Read from the unedited program: an edit that removed a global declaration matters as much as
  // one that adds it. `revise` returns some of these files, never others.
  const globalBefore = new Set([...changes.keys()].filter((file) => reachesEveryFile(beforeProgram, file)));
  const shapesBefore = new Map([...changes.keys()].map((file) => [file, getDeclarationShape(beforeProgram, file)]));
  const originals = new Map([...changes.keys()].map((file) => [file, project.getSourceFile(file)?.getFullText()]));
  // The diagnostics before of the files checked so far: each file's are computed once, when a
  // round first checks it.
  const before = new Map<string, string[]>();
  const seen = new Set<string>();
  let seenAll = false;
  const getBefore = (checked: ReadonlySet<string> | undefined) => {
    if (seenAll) return before;
    const missing = checked && new Set([...checked].filter((file) => !seen.has(file)));
    if (missing?.size === 0) return before;
    for (const [file, diagnostics] of getDiagnosticsByFile(beforeProgram, missing)) before.set(file, diagnostics);
    for (const file of missing ?? []) seen.add(file);
    seenAll = missing === undefined;
    return before;
  };
  /** Puts the texts of `edits` in the program, and the original text back in every other file changed. */
  const apply = (edits: ReadonlyMap<string, string>) => {
    for (const [file, original] of originals) {
      const text = edits.get(file) ?? original;
      if (text !== undefined && project.getSourceFile(file)?.getFullText() !== text) project.createSourceFile(file, text, { overwrite: true });
    }
  };

  let current = changes;
  apply(current);
  const rejected = new Map<string, string[]>();
  const reject = (file: string, diagnostics: readonly string[]) => rejected.set(file, [...(rejected.get(file) ?? []), ...diagnostics]);
  let revisedAt = 0;
  // Until no more files are rejected: a file left out can break a changed file that relies on it
  // (a call site passing a signal to a function whose new parameter was not written), which is
  // then left out too. Ends: each round rejects at least one more of the changed files, and each
  // revision follows a round that did.
  for (;;) {
    const afterProgram = program();
    const graph = getModuleGraph(afterProgram);
    const changed = [...current.keys()];
    const globals = changed.filter((file) => globalBefore.has(file) || reachesEveryFile(afterProgram, file));
    const reshaped = changed.filter((file) => shapesBefore.get(file) === undefined || getDeclarationShape(afterProgram, file) !== shapesBefore.get(file));
    const checked = globals.length > 0 || !graph ? undefined : new Set([...changed, ...closure(reshaped, graph.importers)]);
    const beforeDiagnostics = getBefore(checked);
    const afterDiagnostics = getDiagnosticsByFile(afterProgram, checked);
    const known = rejected.size;
    for (const [file, diagnostics] of afterDiagnostics) {
      const added = subtract(diagnostics, beforeDiagnostics.get(file) ?? []);
      if (added.length === 0) continue;
      if (current.has(file) && !rejected.has(file)) {
        reject(file, added);
        continue;
      }
      // An unchanged (or put back) file broke: blame the changed files it depends on (a helper
      // that gained a parameter, maybe behind a re-export) and those whose declarations are
      // global, naming the file that broke. With no module graph to tell, every changed file.
      const blamed = graph ? [...closure([file], graph.imports), ...globals] : changed;
      for (const culprit of blamed) {
        if (current.has(culprit) && !rejected.has(culprit)) reject(culprit, added.map((diagnostic) => `in ${file}: ${diagnostic}`));
      }
    }
    if (rejected.size > known) {
      // The rejected files read as before; the others keep their edits for the next round.
      apply(new Map([...current].filter(([file]) => !rejected.has(file))));
      continue;
    }
    if (revise && rejected.size > revisedAt) {
      revisedAt = rejected.size;
      current = revise(new Set(rejected.keys()));
      if (current.size === 0) return { ...nothing, rejected };
      apply(current);
      continue;
    }
    const files = checked ? { files: checked.size } : {};
    return { before: countAll(beforeDiagnostics, checked), after: countAll(afterDiagnostics), ...files, rejected };
  }
}

/**
 * Whether `file` can change the diagnostics of files that do not import it: a script (its top-level
 * declarations are global) or a module that augments the global scope or another module. Such a
 * change set is checked whole.
 */
function reachesEveryFile(program: ts.Program, file: string): boolean {
  const { ts } = getTsMorph();
  const sourceFile = program.getSourceFile(file);
  if (!sourceFile) return false;
  if (!ts.isExternalModule(sourceFile)) return true;
  return sourceFile.statements.some((statement) => ts.isModuleDeclaration(statement) && (ts.isStringLiteral(statement.name) || (statement.flags & ts.NodeFlags.GlobalAugmentation) !== 0));
}

/**
 * What the files that import `file` can see of it: its declaration file, as `tsc --declaration`
 * would write it (inferred types included). Undefined when the compiler cannot say, or could
 * leave things out (`stripInternal`: the program's other files still see them).
 */
function getDeclarationShape(program: ts.Program, file: string): string | undefined {
  const options = program.getCompilerOptions();
  const sourceFile = program.getSourceFile(file);
  if (!sourceFile || options.stripInternal || options.outFile !== undefined) return undefined;
  let shape: string | undefined;
  // The sixth argument (forceDtsEmit, not in the public typings) emits even under noEmit, as the
  // language service's getEmitOutput does.
  const emit = program.emit as (...args: [ts.SourceFile, ts.WriteFileCallback, undefined, boolean, undefined, boolean]) => ts.EmitResult;
  const result = emit.call(program, sourceFile, (name, text) => {
    if (/\.d\.[cm]?ts$/.test(name)) shape = text;
  }, undefined, true, undefined, true);
  // emitSkipped says nothing here: it is set under noEmit even when the text is written. A
  // declaration the emitter cannot write faithfully comes with a diagnostic.
  return result.diagnostics.length > 0 ? undefined : shape;
}

interface ModuleGraph {
  /** Absolute path -> the program files it imports. */
  readonly imports: ReadonlyMap<string, ReadonlySet<string>>;
  /** Absolute path -> the program files that import it. */
  readonly importers: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Which program file imports which, from every module resolution the program made (import and
 * export declarations, `import()` types and calls, `require`): a module's declarations reach only
 * the files that import it, so edits to module files can change the diagnostics of those files
 * alone. Undefined when the compiler does not expose its resolutions.
 */
function getModuleGraph(program: ts.Program): ModuleGraph | undefined {
  // Not in TypeScript's public typings, but what the compiler itself walks for its package map.
  const forEachResolvedModule = (program as ResolutionsProgram).forEachResolvedModule;
  if (typeof forEachResolvedModule !== 'function') return undefined;
  const imports = new Map<string, Set<string>>();
  const importers = new Map<string, Set<string>>();
  const link = (map: Map<string, Set<string>>, from: string, to: string) => map.set(from, (map.get(from) ?? new Set()).add(to));
  forEachResolvedModule((resolution, _name, _mode, filePath) => {
    const target = resolution.resolvedModule?.resolvedFileName;
    const importer = program.getSourceFileByPath(filePath as ts.Path);
    if (target === undefined || !importer) return;
    link(imports, resolve(importer.fileName), resolve(target));
    link(importers, resolve(target), resolve(importer.fileName));
  });
  return { imports, importers };
}

/** `files` and every file reached from them through `edges`. */
function closure(files: Iterable<string>, edges: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const reached = new Set<string>();
  const queue = [...files];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    queue.push(...(edges.get(file) ?? []));
  }
  return reached;
}

interface ResolutionsProgram {
  forEachResolvedModule?: (callback: (resolution: ts.ResolvedModuleWithFailedLookupLocations, name: string, mode: ts.ResolutionMode, filePath: string) => void) => void;
}

/**
 * Formatted diagnostics per absolute file path; program-wide ones under ''. With `checked`, those
 * of these files only (what getPreEmitDiagnostics gives, file by file): the library declarations
 * alone (lib.dom, @types/node) take seconds to check when `skipLibCheck` is off, and edits to
 * module files cannot change them.
 */
function getDiagnosticsByFile(program: ts.Program, checked?: ReadonlySet<string>): Map<string, string[]> {
  const { ts } = getTsMorph();
  const byFile = new Map<string, string[]>();
  const add = (diagnostics: readonly ts.Diagnostic[]) => {
    for (const diagnostic of ts.sortAndDeduplicateDiagnostics(diagnostics)) {
      const file = diagnostic.file ? resolve(diagnostic.file.fileName) : '';
      // A checked file's diagnostic can land in another (a conflicting declaration): not counted,
      // as that file's own are not.
      if (checked && file !== '' && !checked.has(file)) continue;
      const list = byFile.get(file) ?? [];
      list.push(formatDiagnostic(diagnostic));
      byFile.set(file, list);
    }
  };
  if (!checked) {
    add(ts.getPreEmitDiagnostics(program));
    return byFile;
  }
  const options = program.getCompilerOptions();
  const declarations = options.declaration === true || options.composite === true;
  const perFile: ts.Diagnostic[] = [];
  for (const file of checked) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) continue;
    perFile.push(...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile));
    if (declarations) perFile.push(...program.getDeclarationDiagnostics(sourceFile));
  }
  add([...program.getConfigFileParsingDiagnostics(), ...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...perFile]);
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

/** The diagnostics of `byFile`, those of `checked` (and program-wide ones) alone if given. */
function countAll(byFile: ReadonlyMap<string, readonly string[]>, checked?: ReadonlySet<string>): number {
  let total = 0;
  for (const [file, list] of byFile) if (!checked || file === '' || checked.has(file)) total += list.length;
  return total;
}

function flatten(message: string | ts.DiagnosticMessageChain): string {
  return getTsMorph().ts.flattenDiagnosticMessageText(message, '\n');
}
