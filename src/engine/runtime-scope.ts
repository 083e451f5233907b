import type { RuntimeScope } from '../types.ts';
import { getNearestManifestFact } from './nearest-manifest.ts';

/**
 * Export conditions of runtimes without Node's built-ins: a package that declares one is built
 * for them, so none of its files may gain a `node:` import.
 */
const NON_NODE_CONDITIONS = new Set(['browser', 'worker', 'edge-light', 'deno', 'bun', 'workerd']);

/**
 * Where the files of a package run, from its nearest package.json: `universal` when it has a
 * `browser` field or one of NON_NODE_CONDITIONS anywhere in `exports`, else `node`. One lookup
 * per directory per run (`cache`).
 */
export function getRuntimeScopeForFile(absolutePath: string, cache: Map<string, RuntimeScope>): RuntimeScope {
  return getNearestManifestFact<RuntimeScope>(absolutePath, cache, 'node', readRuntimeScope);
}

function readRuntimeScope(manifest: unknown): RuntimeScope {
  const { browser, exports } = (manifest ?? {}) as { browser?: unknown; exports?: unknown };
  return browser !== undefined || hasNonNodeCondition(exports) ? 'universal' : 'node';
}

/** Keys of `exports` objects are subpaths (`./x`) or conditions, nested either way. */
function hasNonNodeCondition(exports: unknown): boolean {
  if (Array.isArray(exports)) return exports.some(hasNonNodeCondition);
  if (!exports || typeof exports !== 'object') return false;
  return Object.entries(exports).some(([key, value]) => NON_NODE_CONDITIONS.has(key) || hasNonNodeCondition(value));
}
