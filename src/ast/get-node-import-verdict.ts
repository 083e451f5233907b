import type { Collection, JSCodeshift } from 'jscodeshift';
import type { TransformOptions } from '../types.ts';
import { isBrowserOnly } from './is-browser-only.ts';

/**
 * Whether a transform may add a `node:` import to this file. `universal`: its package also
 * runs in browsers, workers or edge runtimes (`options.runtimeScope`, from the nearest
 * package.json; `why` says what in it); `browser-only`: the file itself uses DOM globals and
 * nothing of Node. `runtime: 'node'` allows every file.
 */
export type NodeImportVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: 'browser-only' }
  | { readonly allowed: false; readonly reason: 'universal'; readonly why: string };

export function getNodeImportVerdict(j: JSCodeshift, root: Collection, options: TransformOptions): NodeImportVerdict {
  if (options.runtime === 'node') return { allowed: true };
  if (options.runtimeScope === 'universal') return { allowed: false, reason: 'universal', why: options.runtimeScopeReason ?? "the caller set runtimeScope: 'universal'" };
  if (isBrowserOnly(j, root)) return { allowed: false, reason: 'browser-only' };
  return { allowed: true };
}
