/**
 * One parse of each TypeScript lib file and each declaration file under node_modules for all the
 * ts-morph projects of a process (a test file's, or the in-process CLI worker's), like a language
 * service's document registry shares them between its projects.
 *
 * The thread-signal tests build dozens of programs (each case's input and output, each CLI run),
 * and each one would parse and bind lib.es2023, lib.dom and @types/node again: most of the time
 * of a small case. ts-morph gives every project its own document registry, with no option to
 * share one, so importing this module swaps in, for the projects created after it, a registry
 * that hands out one compiler source file per path, text, script kind and source-file-affecting
 * compiler options (TypeScript's own key for them). TypeScript binds a source file once and keeps
 * what a checker works out about it in the checker, which is why its registry may share a file
 * between programs. Only files no test edits are shared: `.d.ts` files under a node_modules
 * directory (ts-morph's lib files live under /node_modules/typescript/lib); the project's own
 * files are parsed per project as before.
 *
 * Plain JavaScript: the CLI worker (cli-worker.mjs) loads it without Vitest.
 */
import { createRequire } from 'node:module';

// The registry class ts-morph constructs (`new common.DocumentRegistry(...)`, read at each
// construction) lives in its @ts-morph/common dependency, with the TypeScript it uses.
const common = createRequire(createRequire(import.meta.url).resolve('ts-morph'))('@ts-morph/common');
const { ts } = common;
const SHARED = Symbol.for('ctxmod.test.sharedDeclarationFiles');

if (!(SHARED in common.DocumentRegistry)) {
  const keys = ts.createDocumentRegistry();
  /** @type {Map<string, { text: string; file: unknown }>} */
  const files = new Map();
  /** @param {string} fileName */
  const isShared = (fileName) => /\/node_modules\/.*\.d\.[cm]?ts$/.test(fileName);
  /**
   * @param {string} fileName
   * @param {{ target?: number }} settings
   * @param {{ getText(start: number, end: number): string; getLength(): number }} snapshot
   * @param {number | undefined} scriptKind
   */
  const getShared = (fileName, settings, snapshot, scriptKind) => {
    const text = snapshot.getText(0, snapshot.getLength());
    const key = `${fileName}\0${String(scriptKind)}\0${String(settings.target)}\0${keys.getKeyForCompilationSettings(settings)}`;
    const entry = files.get(key);
    if (entry?.text === text) return entry.file;
    // Like ts-morph's own registry (common's createCompilerSourceFile): version "0", parents set.
    const file = ts.createLanguageServiceSourceFile(fileName, ts.ScriptSnapshot.fromString(text), settings.target ?? ts.ScriptTarget.Latest, '0', true, scriptKind);
    files.set(key, { text, file });
    return file;
  };
  class SharedDeclarationsRegistry extends common.DocumentRegistry {
    static [SHARED] = true;
    createOrUpdateSourceFile(fileName, settings, snapshot, scriptKind) {
      return isShared(fileName) ? getShared(fileName, settings, snapshot, scriptKind) : super.createOrUpdateSourceFile(fileName, settings, snapshot, scriptKind);
    }
    acquireDocument(fileName, settings, snapshot, version, scriptKind) {
      return isShared(fileName) && version === '0' ? getShared(fileName, settings, snapshot, scriptKind) : super.acquireDocument(fileName, settings, snapshot, version, scriptKind);
    }
  }
  common.DocumentRegistry = SharedDeclarationsRegistry;
}
