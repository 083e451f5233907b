import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { normalizeTargetNode } from '../runtime/features.ts';

/**
 * Finds the Node range a file must run on: `engines.node` of the nearest package.json above
 * it. One lookup per directory per run (`cache`); a package.json without `engines.node`
 * (or with a range that does not parse) means no constraint, and the search stops there,
 * as npm's does: the nearest package owns the file.
 */
export function getTargetNodeForFile(absolutePath: string, cache: Map<string, string | undefined>): string | undefined {
  const visited: string[] = [];
  let dir = dirname(absolutePath);
  let found: string | undefined;
  for (;;) {
    if (cache.has(dir)) {
      found = cache.get(dir);
      break;
    }
    visited.push(dir);
    const manifest = readManifest(join(dir, 'package.json'));
    if (manifest !== undefined) {
      found = manifest;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const value = found === NO_ENGINES ? undefined : found;
  for (const entry of visited) cache.set(entry, found);
  return value;
}

/** Marks "a package.json is here but says nothing": stops the search without a constraint. */
const NO_ENGINES = '';

function readManifest(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const engines = (JSON.parse(text) as { engines?: { node?: unknown } } | null)?.engines;
    return typeof engines?.node === 'string' ? (normalizeTargetNode(engines.node) ?? NO_ENGINES) : NO_ENGINES;
  } catch {
    return NO_ENGINES;
  }
}
