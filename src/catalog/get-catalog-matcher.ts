import type { TransformContext } from '../types.ts';
import { getFileIndex } from '../ast/file-index.ts';
import { CATALOG } from './entries.ts';
import { CallMatcher } from './match.ts';
import type { CatalogEntry } from './types.ts';

const NO_ENTRIES: readonly CatalogEntry[] = [];

/**
 * A matcher over the entries the user's config adds, then the built-in catalog (a config entry
 * for the same calls wins): one per file and
 * catalog, shared by the transforms until an edit changes the tree (an added import may bind a name).
 */
export function getCatalogMatcher(ctx: Pick<TransformContext, 'j' | 'root' | 'options'>): CallMatcher {
  const extra = (ctx.options.catalog ?? NO_ENTRIES) as readonly CatalogEntry[];
  const build = () => new CallMatcher(ctx.j, ctx.root, extra.length > 0 ? [...extra, ...CATALOG] : CATALOG);
  return getFileIndex(ctx.j, ctx.root).memo('catalog-matcher', extra, build, (a, b) => a.describe() === b.describe());
}
