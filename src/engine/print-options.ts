import { isTightBraces } from './braces.ts';

/**
 * recast reprints only what a transform touched, but new string literals need a quote style:
 * use the one the file already uses most. And a call that gained an argument stays on one line
 * (recast would spread its arguments over several past 74 columns): the diff shows the edit, not
 * a reflow; the project's formatter decides the layout.
 */
export function getPrintOptions(source: string): { quote: 'single' | 'double'; wrapColumn: number; useTabs: boolean; objectCurlySpacing: boolean } {
  const single = source.match(/'[^'\n]*'/g)?.length ?? 0;
  const double = source.match(/"[^"\n]*"/g)?.length ?? 0;
  // Reindented code (a multi-line snippet moved into place) follows the file's indentation.
  const tabs = source.match(/^\t/gm)?.length ?? 0;
  const spaces = source.match(/^ {2}/gm)?.length ?? 0;
  return {
    quote: single >= double ? 'single' : 'double',
    wrapColumn: Number.MAX_SAFE_INTEGER,
    useTabs: tabs > spaces,
    // A reprinted `import {a} from` keeps its tight braces; text parsed from snippets is matched after printing.
    objectCurlySpacing: !isTightBraces(source),
  };
}
