import type { TransformOptions } from '../types.ts';
import { getRuntimeScopeForFile, type RuntimeScopeFact } from './runtime-scope.ts';
import { getTargetNodeForFile } from './target-node.ts';
import { createStyleCache, getStyleForFile, type StyleCache } from './style-config.ts';

/** Per-directory answers of the nearest package.json lookups, one set per run. */
export interface ManifestCaches {
  readonly engines: Map<string, string | undefined>;
  readonly runtimeScopes: Map<string, RuntimeScopeFact>;
  readonly styles: StyleCache;
}

export function createManifestCaches(): ManifestCaches {
  return { engines: new Map(), runtimeScopes: new Map(), styles: createStyleCache() };
}

/**
 * What the caller set wins; otherwise each file gets its package's `engines.node` and runtime
 * scope (not read under `runtime: 'node'`, which treats every file as Node code), and the style
 * of the formatter config that applies to it.
 */
export function getFileOptions(options: TransformOptions, absolutePath: string, manifests: ManifestCaches): TransformOptions {
  const targetNode = options.targetNode ?? getTargetNodeForFile(absolutePath, manifests.engines);
  const runtimeScope =
    options.runtimeScope === undefined && options.runtime !== 'node' ? getRuntimeScopeForFile(absolutePath, manifests.runtimeScopes) : undefined;
  const style = options.style ?? getStyleForFile(absolutePath, manifests.styles);
  return {
    ...options,
    ...(targetNode === undefined ? {} : { targetNode }),
    ...(runtimeScope === undefined ? {} : { runtimeScope: runtimeScope.scope }),
    ...(runtimeScope?.reason === undefined ? {} : { runtimeScopeReason: runtimeScope.reason }),
    ...(style === undefined ? {} : { style }),
  };
}
