import { normalizeTargetNode } from '../runtime/features.ts';
import { getNearestManifestFact } from './nearest-manifest.ts';

/**
 * Finds the Node range a file must run on: `engines.node` of the nearest package.json above
 * it. One lookup per directory per run (`cache`); a package.json without `engines.node`
 * (or with a range that does not parse) means no constraint, and the search stops there,
 * as npm's does: the nearest package owns the file.
 */
export function getTargetNodeForFile(absolutePath: string, cache: Map<string, string | undefined>): string | undefined {
  return getNearestManifestFact(absolutePath, cache, undefined, readEngines);
}

function readEngines(manifest: unknown): string | undefined {
  const engines = (manifest as { engines?: { node?: unknown } } | null)?.engines;
  return typeof engines?.node === 'string' ? normalizeTargetNode(engines.node) : undefined;
}
