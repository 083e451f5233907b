import { isTightBraces } from './braces.ts';

/**
 * recast reprints only what a transform touched, but new string literals need a quote style:
 * the one the file's module specifiers use (`from '...'`, `require('...')`), else the one its
 * strings use most. Specifiers first: a formatter writes them in the file's style, where JSX
 * attributes (`type="button"`) keep double quotes in a single-quoted file. And a call that gained an argument stays on one line
 * (recast would spread its arguments over several past 74 columns): the diff shows the edit, not
 * a reflow; the project's formatter decides the layout.
 */
export function getPrintOptions(source: string): { quote: 'single' | 'double'; wrapColumn: number; useTabs: boolean; objectCurlySpacing: boolean } {
  const single = source.match(/'[^'\n]*'/g)?.length ?? 0;
  const double = source.match(/"[^"\n]*"/g)?.length ?? 0;
  const moduleQuote = getModuleQuote(source);
  // Reindented code (a multi-line snippet moved into place) follows the file's indentation.
  const tabs = source.match(/^\t/gm)?.length ?? 0;
  const spaces = source.match(/^ {2}/gm)?.length ?? 0;
  return {
    quote: moduleQuote ?? (single >= double ? 'single' : 'double'),
    wrapColumn: Number.MAX_SAFE_INTEGER,
    useTabs: tabs > spaces,
    // A reprinted `import {a} from` keeps its tight braces; text parsed from snippets is matched after printing.
    objectCurlySpacing: !isTightBraces(source),
  };
}

/** `import x from '...'`, `export * from '...'`, `import '...'`, `require('...')`, `import('...')`. */
const MODULE_SPECIFIER = /(?:^\s*import\s*|\bfrom\s*|\b(?:require|import)\(\s*)(['"])[^'"\n]*\1/gm;

/** The quote most of the file's module specifiers use, if it has any. */
function getModuleQuote(source: string): 'single' | 'double' | undefined {
  let single = 0;
  let double = 0;
  for (const [, quote] of source.matchAll(MODULE_SPECIFIER)) {
    if (quote === "'") single++;
    else double++;
  }
  if (single === double) return undefined;
  return single > double ? 'single' : 'double';
}
