import type { RuntimeScope, TransformOptions } from '../types.ts';
import { getRuntimeScopeForFile } from './runtime-scope.ts';
import { getTargetNodeForFile } from './target-node.ts';

/** Per-directory answers of the nearest package.json lookups, one set per run. */
export interface ManifestCaches {
  readonly engines: Map<string, string | undefined>;
  readonly runtimeScopes: Map<string, RuntimeScope>;
}

export function createManifestCaches(): ManifestCaches {
  return { engines: new Map(), runtimeScopes: new Map() };
}

/**
 * What the caller set wins; otherwise each file gets its package's `engines.node` and runtime
 * scope (not read under `runtime: 'node'`, which treats every file as Node code).
 */
export function getFileOptions(options: TransformOptions, absolutePath: string, manifests: ManifestCaches): TransformOptions {
  const targetNode = options.targetNode ?? getTargetNodeForFile(absolutePath, manifests.engines);
  const runtimeScope = options.runtimeScope ?? (options.runtime === 'node' ? undefined : getRuntimeScopeForFile(absolutePath, manifests.runtimeScopes));
  return {
    ...options,
    ...(targetNode === undefined ? {} : { targetNode }),
    ...(runtimeScope === undefined ? {} : { runtimeScope }),
  };
}
