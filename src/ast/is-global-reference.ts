import type { ASTPath } from 'jscodeshift';

/** True when the identifier at `path` named `name` is not bound anywhere in the file. */
export function isGlobalReference(path: ASTPath, name: string): boolean {
  const scope = (path as { scope?: { lookup(name: string): unknown } }).scope;
  return !scope?.lookup(name);
}
