import type { FileIndex } from './ast/file-index.ts';
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { TransformMeta, TransformOptions } from './public-types.ts';

// The plain-data types live in public-types.ts (the published declarations must not import
// jscodeshift, whose types are a devDependency); the transform-facing ones stay here.
export type { CodeStyle, Finding, FindingKind, RuntimeScope, ThreadOptions, ThreadRoot, TransformMeta, TransformOptions } from './public-types.ts';

/** Everything a transform gets: the already-parsed root and a way to record what it did. */
export interface TransformContext {
  readonly j: JSCodeshift;
  readonly root: Collection;
  readonly path: string;
  readonly source: string;
  /** True for .ts/.tsx/.mts/.cts: transforms may add type annotations. */
  readonly typescript: boolean;
  readonly options: TransformOptions;
  /**
   * Every node of the file by type, subtree, callee name and identifier name, from one walk
   * (see `FileIndex`); rebuilt after each recorded edit, so it always describes the tree as it is.
   */
  readonly index: FileIndex;
  /** Record an edit the transform made at `node` (position taken from the input). */
  edit(node: NodeOrPath, message: string, rule?: string): void;
  /** Record a site the transform did not dare to change. */
  manual(node: NodeOrPath, message: string, rule?: string): void;
  /**
   * Record a change at `node` that follows from an edit recorded elsewhere (an import added, a
   * helper removed after its last use): every diff hunk needs an entry of the report.
   */
  consequence(node: NodeOrPath, message: string): void;
  /** Record a site left alone because its code already cancels it its own way (see `Finding.handled`). */
  handled(node: NodeOrPath, message: string, rule?: string): void;
}

export type NodeOrPath = ASTPath | { loc?: { start: { line: number; column: number } } | null };

/** Edits `ctx.root` in place and records findings through `ctx`. */
export type TransformFn = (ctx: TransformContext) => void;

/** The shape of every module in `transforms/`. */
export interface TransformModule {
  readonly meta: TransformMeta;
  readonly transform: TransformFn;
}
