import { dirname, extname, isAbsolute, relative } from 'node:path';
import { ts } from 'ts-morph';
import { findSourceFile, getModuleExport, SOURCE_EXTENSIONS } from './symbols.ts';

/** The `ctx` carrier cannot work with the options given (no such type, or one it cannot build). */
export class ThreadSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThreadSetupError';
  }
}

/** The context type the `ctx` carrier threads, and how a file refers to it. */
export interface ContextType {
  readonly name: string;
  readonly symbol: ts.Symbol;
  /** The property that holds the signal (`signal` in `{ signal?: AbortSignal }`). */
  readonly signalProperty: string;
  /** The module specifier to import it from in `file`; undefined: no import needed (global, or declared there). */
  getSpecifier(file: ts.SourceFile): string | undefined;
}


/**
 * Finds the context type: exported by `contextImport` (a bare module specifier, or an absolute path
 * of a project file, with or without extension), else the one project file that exports a type of
 * that name, else a global type. It must have an `AbortSignal` property and only optional
 * properties, so that a signal in scope becomes `{ signal }` and a call site without one can pass
 * `{}` (Go's `context.TODO()`).
 */
export function getContextType(
  program: ts.Program,
  isAbortSignal: (type: ts.Type) => boolean,
  name: string,
  contextImport: string | undefined,
): ContextType {
  const checker = program.getTypeChecker();
  const options = program.getCompilerOptions();
  let symbol: ts.Symbol | undefined;
  let target: { file: string; extension: string } | undefined;
  let bare: string | undefined;

  const getExport = (file: ts.SourceFile | undefined): ts.Symbol | undefined => getModuleExport(checker, file, name);

  if (contextImport !== undefined && isAbsolute(contextImport)) {
    const given = extname(contextImport);
    const base = SOURCE_EXTENSIONS.includes(given) ? contextImport.slice(0, -given.length) : contextImport;
    const file = findSourceFile(program, base);
    if (!file) throw new ThreadSetupError(`contextImport ${contextImport}: no such file in the program`);
    symbol = getExport(file);
    if (!symbol) throw new ThreadSetupError(`contextImport ${contextImport} does not export ${name}`);
    // `./context.js` says how the project writes imports; `.ts` is only valid where the compiler allows it.
    target = { file: base, extension: given === '.js' ? given : getImportExtension(options) };
  } else if (contextImport !== undefined) {
    bare = contextImport;
    const containing = program.getRootFileNames()[0] ?? program.getCurrentDirectory();
    const resolved = ts.resolveModuleName(contextImport, containing, options, ts.sys).resolvedModule;
    symbol = getExport(resolved && program.getSourceFile(resolved.resolvedFileName));
    if (!symbol) throw new ThreadSetupError(`contextImport ${contextImport}: cannot resolve a module that exports ${name}`);
  } else {
    const found: { symbol: ts.Symbol; file: ts.SourceFile }[] = [];
    for (const file of program.getSourceFiles()) {
      if (file.isDeclarationFile || file.fileName.includes('/node_modules/') || !file.text.includes(name)) continue;
      const exported = getExport(file);
      if (exported && exported.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Class)) {
        found.push({ symbol: exported, file: exported.getDeclarations()?.[0]?.getSourceFile() ?? file });
      }
    }
    const distinct = [...new Map(found.map((entry) => [entry.symbol, entry])).values()];
    if (distinct.length > 1) {
      throw new ThreadSetupError(`${distinct.length} files export a type ${name} (${distinct.map((entry) => entry.file.fileName).join(', ')}): set thread.contextImport`);
    }
    if (distinct[0]) {
      symbol = distinct[0].symbol;
      const fileName = distinct[0].file.fileName;
      target = { file: fileName.slice(0, -extname(fileName).length), extension: getImportExtension(options) };
    } else {
      symbol = checker.resolveName(name, undefined, ts.SymbolFlags.Type, false);
      if (!symbol) throw new ThreadSetupError(`no type ${name} in the project: declare one (e.g. \`export interface ${name} { signal?: AbortSignal }\`) or set thread.contextImport`);
    }
  }

  const type = checker.getDeclaredTypeOfSymbol(symbol);
  const properties = checker.getPropertiesOfType(type);
  const declaration = symbol.getDeclarations()?.[0];
  const signal = declaration && properties.find((property) => isAbortSignal(checker.getTypeOfSymbolAtLocation(property, declaration)));
  if (!signal) throw new ThreadSetupError(`${name} has no AbortSignal property for the ctx carrier to use`);
  const required = properties.filter((property) => !(property.flags & ts.SymbolFlags.Optional));
  if (required.length > 0) {
    throw new ThreadSetupError(
      `${name} has required properties (${required.map((property) => property.getName()).join(', ')}): the ctx carrier builds contexts as \`{ ${signal.getName()} }\` and \`{}\`, so every property must be optional`,
    );
  }
  const declaringFiles = new Set((symbol.getDeclarations() ?? []).map((d) => d.getSourceFile().fileName));
  return {
    name,
    symbol,
    signalProperty: signal.getName(),
    getSpecifier(file) {
      if (declaringFiles.has(file.fileName)) return undefined;
      if (bare !== undefined) return bare;
      if (!target) return undefined;
      const path = relative(dirname(file.fileName), target.file).split('\\').join('/');
      return `${path.startsWith('.') ? '' : './'}${path}${target.extension}`;
    },
  };
}

/** The extension relative imports need under the project's module resolution. */
function getImportExtension(options: ts.CompilerOptions): string {
  if (options.allowImportingTsExtensions) return '.ts';
  const resolution = options.moduleResolution;
  return resolution === ts.ModuleResolutionKind.Node16 || resolution === ts.ModuleResolutionKind.NodeNext ? '.js' : '';
}
