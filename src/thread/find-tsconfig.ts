import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The nearest file called `name` at or above `from` (a file or directory), if any. */
function findUp(from: string, name: string): string | undefined {
  let dir = resolve(from);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The nearest tsconfig.json at or above `from` (a file or directory), if any. */
export function findTsconfig(from: string): string | undefined {
  return findUp(from, 'tsconfig.json');
}

/**
 * True when the project at `tsconfig` is a package others import: the package.json next to it is
 * not `private` and names an entry (`main`, `module`, `exports`, `types`). Its exported functions
 * have callers ctxmod cannot see, so a parameter added to them stays optional. Only the tsconfig's
 * own directory counts: a package.json further up belongs to some enclosing project.
 */
export function isPublishedPackage(tsconfig: string): boolean {
  const path = join(dirname(tsconfig), 'package.json');
  if (!existsSync(path)) return false;
  try {
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    return pkg.private !== true && ['main', 'module', 'exports', 'types'].some((key) => pkg[key] !== undefined);
  } catch {
    return false;
  }
}
