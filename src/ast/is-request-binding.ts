import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isFetchRequestType } from '../scope/get-signal-in-scope.ts';

type Node = any;

/**
 * `name`, as seen from `site`, holds a Fetch `Request`: a parameter or variable annotated as
 * exactly one (the global `Request`, Next.js' `NextRequest`, undici's; not Express' nor a union,
 * which may have been narrowed away), or a variable initialised with `new Request(...)`. Its
 * properties are prototype getters: a spread of it copies none of them, its signal included.
 */
export function isRequestBinding(j: JSCodeshift, root: Collection, site: ASTPath, name: string): boolean {
  const declarations: ASTPath[] = (site as Node).scope?.lookup(name)?.getBindings()[name] ?? [];
  if (declarations.length !== 1) return false;
  const node = declarations[0]!.node as Node;
  const annotation = node?.typeAnnotation?.typeAnnotation;
  if (annotation) return isFetchRequestType(j, root, annotation);
  const parent = declarations[0]!.parentPath?.node as Node | undefined;
  const init = parent?.type === 'VariableDeclarator' && parent.id === node ? parent.init : undefined;
  return init?.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === 'Request' && !(site as Node).scope?.lookup('Request');
}
