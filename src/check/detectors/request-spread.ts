import type { ASTPath } from 'jscodeshift';
import { getEnclosingFunctions } from '../../ast/get-enclosing-functions.ts';
import { isFetchRequestType } from '../../scope/get-signal-in-scope.ts';
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
    if (isRequestParameter(ctx, path, name)) ctx.manual(path, MESSAGES.site(name));
  });
}

/**
 * `name` is, at the spread, a parameter declared as exactly a Fetch `Request` (not a union: a
 * `Request | string` may have been narrowed to the string by then, which needs a type checker).
 */
function isRequestParameter(ctx: TransformContext, site: ASTPath, name: string): boolean {
  const scope = (site as Node).scope?.lookup(name);
  if (!scope) return false;
  const functionPath = getEnclosingFunctions(site).find((path) => path.node === scope.node);
  if (!functionPath) return false;
  for (const param of (functionPath.node as Node).params as Node[]) {
    const target = param.type === 'AssignmentPattern' ? param.left : param.type === 'TSParameterProperty' ? param.parameter : param;
    if (target?.type !== 'Identifier' || target.name !== name) continue;
    const annotation = target.typeAnnotation?.typeAnnotation;
    return annotation !== undefined && isFetchRequestType(ctx.j, ctx.root, annotation);
  }
  return false;
}
