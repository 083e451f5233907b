import { ts } from 'ts-morph';

/** The declared symbol behind an import or re-export alias (the symbol itself when it is none). */
export function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol;
export function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined;
export function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function getExportsOf(checker: ts.TypeChecker, file: ts.SourceFile | undefined): ts.Symbol[] {
  const module = file && checker.getSymbolAtLocation(file);
  return module ? checker.getExportsOfModule(module) : [];
}

/** What a module exports, re-exports resolved to their declarations. */
export function getModuleExports(checker: ts.TypeChecker, file: ts.SourceFile | undefined): ts.Symbol[] {
  return getExportsOf(checker, file).map((exported) => resolveAlias(checker, exported));
}

/** The declaration a module exports under `name` (`export { Ctx as Context }` counts as `Context`). */
export function getModuleExport(checker: ts.TypeChecker, file: ts.SourceFile | undefined, name: string): ts.Symbol | undefined {
  return resolveAlias(checker, getExportsOf(checker, file).find((exported) => exported.getName() === name));
}

/** The extensions a file of the program can have, sources first. */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'];

/** The program's file at `base` (a path without extension) with the first of `extensions` that exists. */
export function findSourceFile(program: ts.Program, base: string, extensions: readonly string[] = SOURCE_EXTENSIONS): ts.SourceFile | undefined {
  for (const extension of extensions) {
    const file = program.getSourceFile(base + extension);
    if (file) return file;
  }
  return undefined;
}
