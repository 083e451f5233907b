import { getArrowParens } from '../engine/print-options.ts';
import type { TransformContext } from '../types.ts';

/**
 * An arrow function's only parameter as new code writes it: `(name)`, or `name` where the file
 * (else the repository's formatter config) leaves out the parentheses.
 */
export function buildArrowParam(ctx: Pick<TransformContext, 'source' | 'options'>, name: string): string {
  return getArrowParens(ctx.source, ctx.options.style) === 'avoid' ? name : `(${name})`;
}
