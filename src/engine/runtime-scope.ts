import type { RuntimeScope } from '../types.ts';
import { getNearestManifestFact } from './nearest-manifest.ts';
import { findNodeUse } from './package-node-use.ts';

/**
 * Export conditions of runtimes without Node's built-ins: a package that declares one is built
 * for them, so none of its files may gain a `node:` import.
 */
const NON_NODE_CONDITIONS = new Set(['browser', 'worker', 'edge-light', 'deno', 'bun', 'workerd']);

/**
 * Words of a package.json `description` or `keywords` entry that name runtimes without Node's
 * built-ins, or say the code runs in all of them. Not "worker threads" (Node's), not "edge"
 * alone in a description ("edge cases"; a keyword `edge` counts).
 */
const CLAIM_WORDS =
  /\b(?:browsers?|(?:web|service|cloudflare)[ -]?workers?|workers?(?![ _-]?threads?)|workerd|deno|bun|edge[ -](?:runtimes?|functions?|light)|isomorphic|universal|cross[ -]runtime|runtime[ -]agnostic)\b/gi;

/** A package's runtime scope, and for `universal` what in it says so (shown in review notes). */
export interface RuntimeScopeFact {
  readonly scope: RuntimeScope;
  readonly reason?: string;
}

const NODE: RuntimeScopeFact = { scope: 'node' };

/**
 * Where the files of a package run, from its nearest package.json: `universal` when
 * - it has a `browser` field, or one of NON_NODE_CONDITIONS anywhere in `exports`; or
 * - its description or keywords name browsers, workers, edge runtimes, Deno or Bun, or say it is
 *   isomorphic or universal, it has no `bin` and no `@types/node` in `dependencies`, and its own
 *   source (see `findNodeUse`) loads no Node built-in and uses no `process`, `Buffer`,
 *   `__dirname` or `__filename`: what it says it is, its code confirms;
 * else `node`. One lookup per package per run (`cache` maps each directory to its package's fact),
 * and the source is read only for a package whose manifest makes the claim.
 */
export function getRuntimeScopeForFile(absolutePath: string, cache: Map<string, RuntimeScopeFact>): RuntimeScopeFact {
  return getNearestManifestFact<RuntimeScopeFact>(absolutePath, cache, NODE, readRuntimeScope);
}

function readRuntimeScope(manifest: unknown, dir: string): RuntimeScopeFact {
  const { browser, exports, bin, dependencies, description, keywords } = (manifest ?? {}) as Record<string, unknown>;
  if (browser !== undefined) return { scope: 'universal', reason: 'its package.json has a browser field' };
  const condition = findNonNodeCondition(exports);
  if (condition !== undefined) return { scope: 'universal', reason: `its package.json's exports have the ${condition} condition` };
  if (bin !== undefined) return NODE;
  if (dependencies && typeof dependencies === 'object' && '@types/node' in dependencies) return NODE;
  const claim = getClaim(description, keywords);
  if (claim === undefined || findNodeUse(dir) !== undefined) return NODE;
  return { scope: 'universal', reason: `its package.json's ${claim}, and its own source uses nothing of Node` };
}

/** Keys of `exports` objects are subpaths (`./x`) or conditions, nested either way. */
function findNonNodeCondition(exports: unknown): string | undefined {
  if (Array.isArray(exports)) {
    for (const entry of exports) {
      const found = findNonNodeCondition(entry);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!exports || typeof exports !== 'object') return undefined;
  for (const [key, value] of Object.entries(exports)) {
    if (NON_NODE_CONDITIONS.has(key)) return key;
    const found = findNonNodeCondition(value);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `description names browser, workers` or `keywords name deno`, or undefined. */
function getClaim(description: unknown, keywords: unknown): string | undefined {
  const words = typeof description === 'string' ? getClaimWords(description) : [];
  if (words.length > 0) return `description names ${words.join(', ')}`;
  const named = Array.isArray(keywords)
    ? keywords.filter((keyword): keyword is string => typeof keyword === 'string' && (keyword.toLowerCase() === 'edge' || getClaimWords(keyword).length > 0))
    : [];
  return named.length > 0 ? `keywords name ${named.join(', ')}` : undefined;
}

function getClaimWords(text: string): string[] {
  return [...new Set(text.match(CLAIM_WORDS) ?? [])];
}
