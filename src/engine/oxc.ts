import { createRequire } from 'node:module';

type Node = any;

/** oxc-parser's `parseSync`, as ctxmod calls it. */
export type ParseSync = (filename: string, text: string, options: object) => { program: Node; errors: readonly unknown[] };

let loaded: ParseSync | null | undefined;

/**
 * oxc's native parser, loaded once; undefined where its binding does not load (a platform without
 * a prebuilt one). Callers then do without it (the pre-scan) or fall back to Babel.
 */
export function loadOxc(): ParseSync | undefined {
  if (loaded === undefined) {
    try {
      loaded = (createRequire(import.meta.url)('oxc-parser') as { parseSync: ParseSync }).parseSync;
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}

/**
 * The file name that makes oxc read `path` as ctxmod's Babel does: oxc picks its language by the
 * name. `.js`, `.mjs`, `.cjs` and `.jsx` are read as JSX (ctxmod's Babel reads JSX in them too),
 * `.ts`, `.mts`, `.cts` without JSX, `.tsx` with it.
 */
export function getOxcFileName(path: string): string {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tsx')) return 'file.tsx';
  if (/\.[cm]?ts$/.test(lower)) return 'file.ts';
  return 'file.jsx';
}
