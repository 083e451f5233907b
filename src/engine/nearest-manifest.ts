import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A fact read from the nearest package.json above a file (`read` gets its parsed contents, or
 * `null` when it does not parse, and the directory it is in). The nearest package owns the file,
 * as npm's lookup has it: the search stops at the first package.json, whatever it says. No
 * package.json up to the root gives `fallback`. One read per directory per run: `cache` maps each
 * visited directory to its fact.
 */
export function getNearestManifestFact<T>(absolutePath: string, cache: Map<string, T>, fallback: T, read: (manifest: unknown, dir: string) => T): T {
  const visited: string[] = [];
  let dir = dirname(absolutePath);
  let found = fallback;
  for (;;) {
    if (cache.has(dir)) {
      found = cache.get(dir) as T;
      break;
    }
    visited.push(dir);
    const manifest = readManifest(join(dir, 'package.json'));
    if (manifest !== MISSING) {
      found = read(manifest, dir);
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const entry of visited) cache.set(entry, found);
  return found;
}

const MISSING = Symbol('no package.json');

function readManifest(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return MISSING;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
