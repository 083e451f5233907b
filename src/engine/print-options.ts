import type { CodeStyle } from '../types.ts';
import { isTightBraces } from './braces.ts';

export interface PrintOptions {
  readonly quote: 'single' | 'double';
  readonly wrapColumn: number;
  readonly useTabs: boolean;
  readonly objectCurlySpacing: boolean;
  readonly arrowParensAlways: boolean;
  readonly tabWidth?: number;
}

/**
 * recast reprints only what a transform touched, but new code needs a style. What the file
 * clearly shows wins: it is what the reader sees around the edit, and where it differs from the
 * repository's formatter config the file is one the formatter does not touch (ignored, generated,
 * or under a config with overrides ctxmod did not match). The config (`style`, see
 * `getStyleForFile`) decides what the file leaves open: a file without strings, indentation or
 * multi-line lists.
 *
 * Quotes: the ones the file's module specifiers use (`from '...'`, `require('...')`), else the
 * ones its strings use most. Specifiers first: a formatter writes them in the file's style, where
 * JSX attributes (`type="button"`) keep double quotes in a single-quoted file.
 *
 * Line width is never a reason to reflow: a call that gained an argument stays on one line
 * (recast would spread its arguments over several past the width, not the way the formatter
 * would): the diff shows the edit, not a reflow. `--format` runs the repository's formatter.
 */
export function getPrintOptions(source: string, style: CodeStyle = {}): PrintOptions {
  const single = source.match(/'[^'\n]*'/g)?.length ?? 0;
  const double = source.match(/"[^"\n]*"/g)?.length ?? 0;
  const stringQuote = single === double ? undefined : single > double ? 'single' : 'double';
  // Reindented code (a multi-line snippet moved into place) follows the file's indentation.
  const tabs = source.match(/^\t/gm)?.length ?? 0;
  const spaces = source.match(/^ {2}/gm)?.length ?? 0;
  const indented = tabs + spaces > 0;
  return {
    quote: getModuleQuote(source) ?? stringQuote ?? style.quote ?? 'single',
    wrapColumn: Number.MAX_SAFE_INTEGER,
    useTabs: indented ? tabs > spaces : (style.useTabs ?? false),
    // A reprinted `import {a} from` keeps its tight braces; text parsed from snippets is matched after printing.
    objectCurlySpacing: !isTightBraces(source),
    arrowParensAlways: getArrowParens(source, style) === 'always',
    // recast guesses the width from the file's indented lines; with none, the config says it.
    ...(!indented && style.indentWidth !== undefined ? { tabWidth: style.indentWidth } : {}),
  };
}

/**
 * One level of indentation for the lines of a multi-line snippet: a tab, or the step the file's
 * indented lines take most often, else the config's, else two spaces.
 */
export function getIndentUnit(source: string, style: CodeStyle = {}): string {
  const tabs = source.match(/^\t/gm)?.length ?? 0;
  const steps = new Map<number, number>();
  let previous = 0;
  // The ` * ` lines of a JSDoc block are aligned, not indented.
  for (const [indent] of source.matchAll(/^ *(?=[^\s*])/gm)) {
    const step = Math.abs(indent.length - previous);
    if (step > 0) steps.set(step, (steps.get(step) ?? 0) + 1);
    previous = indent.length;
  }
  const spaces = [...steps.values()].reduce((sum, count) => sum + count, 0);
  if (tabs > 0 || spaces > 0) {
    if (tabs > spaces) return '\t';
    const [step] = [...steps].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    return ' '.repeat(step);
  }
  return style.useTabs ? '\t' : ' '.repeat(style.indentWidth ?? 2);
}

/** A single-parameter arrow's parentheses: the file's majority, else the config's, else `(x) =>`. */
export function getArrowParens(source: string, style: CodeStyle = {}): 'always' | 'avoid' {
  const always = source.match(/(?:^|[^\w$)\]])\(\s*[\w$]+\s*\)\s*=>/g)?.length ?? 0;
  const avoid = source.match(/(?:^|[^\w$.])[A-Za-z_$][\w$]*\s*=>/g)?.length ?? 0;
  if (always !== avoid) return always > avoid ? 'always' : 'avoid';
  return style.arrowParens ?? 'always';
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
