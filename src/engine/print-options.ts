/**
 * recast reprints only what a transform touched, but new string literals need a quote style:
 * use the one the file already uses most.
 */
export function getPrintOptions(source: string): { quote: 'single' | 'double' } {
  const single = source.match(/'[^'\n]*'/g)?.length ?? 0;
  const double = source.match(/"[^"\n]*"/g)?.length ?? 0;
  return { quote: single >= double ? 'single' : 'double' };
}
