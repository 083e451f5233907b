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

/** What the package.json next to a tsconfig says about the project's public API. */
export interface PackageApi {
  /** Not `private`, and names an entry (`main`, `module`, `exports`, `types`): others import it. */
  readonly published: boolean;
  /** The entry files it names (absolute; built files, as written). */
  readonly entries: readonly string[];
}

/**
 * Reads the package.json next to `tsconfig`: a published package's exported functions have callers
 * ctxmod cannot see, so a parameter added to them stays optional. Only the tsconfig's own
 * directory counts: a package.json further up belongs to some enclosing project.
 */
export function readPackageApi(tsconfig: string): PackageApi {
  const dir = dirname(tsconfig);
  const path = join(dir, 'package.json');
  if (!existsSync(path)) return { published: false, entries: [] };
  try {
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const keys = ['main', 'module', 'exports', 'types'];
    const entries = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') entries.add(resolve(dir, value));
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const key of keys) collect(pkg[key]);
    return { published: pkg.private !== true && keys.some((key) => pkg[key] !== undefined), entries: [...entries] };
  } catch {
    return { published: false, entries: [] };
  }
}
