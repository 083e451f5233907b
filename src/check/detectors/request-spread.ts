import { isRequestBinding } from '../../ast/is-request-binding.ts';
import type { TransformContext, TransformMeta } from '../../types.ts';

type Node = any;

/**
 * A check-only detector: spreading a Fetch `Request` copies none of its properties (they are
 * getters on the prototype), so `{ ...request }` loses the signal, method, headers and body.
 * The fix depends on what the code wants from the copy: nothing to rewrite safely.
 */
export const meta: TransformMeta = {
  name: 'request-spread',
  description: "Report `{ ...request }` spreads of a Fetch Request, which copy none of its properties (its signal included)",
  mayApply: (source) => source.includes('...') && source.includes('Request'),
  rule: 'request-spread',
};

const MESSAGES = {
  site: (name: string) =>
    `{ ...${name} } loses its signal, method, headers and body (prototype getters do not spread); pass ${name} itself (\`new Request(${name}, init)\`) or read what you need`,
} as const;

export function transform(ctx: TransformContext): void {
  ctx.root.find(ctx.j.SpreadElement, { argument: { type: 'Identifier' } }).forEach((path) => {
    if ((path.parentPath?.parentPath?.node as Node)?.type !== 'ObjectExpression') return;
    const name: string = (path.node as Node).argument.name;
    if (isRequestBinding(ctx.j, ctx.root, path, name)) ctx.manual(path, MESSAGES.site(name));
  });
}
