import type { TransformContext } from '../types.ts';
import { CATALOG } from './entries.ts';
import { CallMatcher } from './match.ts';
import type { CatalogEntry } from './types.ts';

/** A matcher over the built-in catalog plus the entries the user's config adds. */
export function getCatalogMatcher(ctx: Pick<TransformContext, 'j' | 'root' | 'options'>): CallMatcher {
  const extra = (ctx.options.catalog ?? []) as readonly CatalogEntry[];
  return new CallMatcher(ctx.j, ctx.root, extra.length > 0 ? [...CATALOG, ...extra] : CATALOG);
}
