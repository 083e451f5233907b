import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The nearest tsconfig.json at or above `from` (a file or directory), if any. */
export function findTsconfig(from: string): string | undefined {
  let dir = resolve(from);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    const candidate = join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
