import { parse, type ParserOptions, type ParserPlugin } from '@babel/parser';
import jscodeshift, { type JSCodeshift, type Parser } from 'jscodeshift';

/** Plugins shared by every Babel-based parser ctxmod uses (modern syntax, proposals in the wild). */
const COMMON_PLUGINS: ParserPlugin[] = [
  'asyncGenerators',
  'bigInt',
  'classPrivateMethods',
  'classPrivateProperties',
  'classProperties',
  'decoratorAutoAccessors',
  'doExpressions',
  'dynamicImport',
  'exportDefaultFrom',
  'exportNamespaceFrom',
  'explicitResourceManagement',
  'functionBind',
  'functionSent',
  'importAttributes',
  'importMeta',
  'nullishCoalescingOperator',
  'numericSeparator',
  'objectRestSpread',
  'optionalCatchBinding',
  'optionalChaining',
  ['pipelineOperator', { proposal: 'minimal' }],
  'throwExpressions',
];

function buildOptions(plugins: ParserPlugin[]): ParserOptions {
  return {
    sourceType: 'module',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    startLine: 1,
    // recast needs the tokens to reprint only what changed.
    tokens: true,
    plugins,
  };
}

function buildParser(plugins: ParserPlugin[]): Parser & { parseTree(source: string): unknown } {
  const options = buildOptions(plugins);
  // Without tokens, and without recast's copy of the tree: for reading, never for printing.
  const treeOptions = { ...options, tokens: false };
  return { parse: (source: string) => parse(source, options), parseTree: (source: string) => parse(source, treeOptions) };
}

export type ParserName = 'ts' | 'tsx' | 'babel' | 'flow';

const PARSERS: Record<ParserName, ReturnType<typeof buildParser>> = {
  // `.ts` must not enable JSX: `<T>(x: T) => x` and `<string>value` are TypeScript there.
  ts: buildParser([...COMMON_PLUGINS, 'decorators-legacy', 'typescript']),
  tsx: buildParser([...COMMON_PLUGINS, 'decorators-legacy', 'typescript', 'jsx']),
  // Plain JavaScript with JSX. No Flow: with Flow on, `a < b > (c)` parses as a generic call.
  babel: buildParser([...COMMON_PLUGINS, ['decorators', { decoratorsBeforeExport: false }], 'jsx']),
  // Only for files that declare themselves Flow with an `@flow` pragma.
  flow: buildParser([...COMMON_PLUGINS, ['decorators', { decoratorsBeforeExport: false }], 'jsx', ['flow', { all: true }], 'flowComments']),
};

const FLOW_PRAGMA = /^\s*(?:\/\/|\/\*|\*)\s*@flow\b/m;

export function getParserName(path: string, source: string): ParserName {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tsx')) return 'tsx';
  if (/\.[cm]?ts$/.test(lower)) return 'ts';
  if (FLOW_PRAGMA.test(source.slice(0, 2000))) return 'flow';
  return 'babel';
}

const BOUND = new Map<ParserName, JSCodeshift>();

/** The jscodeshift API bound to the parser for this file; bound once per parser and process. */
export function getJscodeshift(name: ParserName): JSCodeshift {
  let j = BOUND.get(name);
  if (!j) {
    j = jscodeshift.withParser(PARSERS[name]);
    BOUND.set(name, j);
  }
  return j;
}

/**
 * The plain Babel tree of `source` as the parser `name` reads it: about half the cost of `j(source)`,
 * which also builds what recast needs to reprint. Wrap it with `j(tree)` to search it; its columns
 * count characters.
 */
export function parseTree(name: ParserName, source: string): unknown {
  return PARSERS[name].parseTree(source);
}

export function isTypeScriptPath(path: string): boolean {
  return /\.[cm]?tsx?$/i.test(path);
}
