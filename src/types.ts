import type { FileIndex } from './ast/file-index.ts';
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { CatalogEntry } from './catalog/types.ts';

/** Where a file runs: only under Node, or also in browsers, workers or edge runtimes. */
export type RuntimeScope = 'node' | 'universal';

/** What a transform says about itself; drives `ctxmod list`, CLI validation and docs. */
export interface TransformMeta {
  /** The slug: `transforms/<name>.ts`, `__testfixtures__/<name>/`, `docs/<name>.md`. */
  readonly name: string;
  /** One line, shown by `ctxmod list`. */
  readonly description: string;
  /**
   * Cheap text prefilter. Returning false promises that the transform would find nothing in
   * this source, so the engine does not parse the file at all. False positives are fine.
   */
  mayApply(source: string): boolean;
  /** The `ctxmod check` rule whose sites this transform fixes, for findings that name none. */
  readonly rule?: string;
}

/** `edit`: the transform changed the code here. `manual`: a site it left for a human. */
export type FindingKind = 'edit' | 'manual';

export interface Finding {
  readonly transform: string;
  readonly kind: FindingKind;
  /** 1-based line of the site in the input. */
  readonly line: number;
  /** 1-based column of the site in the input. */
  readonly column: number;
  /** The last input line of the site, when it spans several (a multi-line call the edit is in). */
  readonly endLine?: number;
  /**
   * An edit that follows from another one (an import it needs, a helper it left unused, a use of
   * a variable it renamed): listed so that every change in the diff has an entry, but no site of
   * its own, so `ctxmod check` reports no problem there.
   */
  readonly consequence?: boolean;
  /**
   * A site left as it is because its code already cancels the work its own way (an 'abort'
   * listener that stops it): `migrate` lists it for review, `ctxmod check` reports no problem.
   */
  readonly handled?: boolean;
  readonly message: string;
  /**
   * The `ctxmod check` rule this site breaks (`unforwarded-signal`, `race-without-cancel`, ...),
   * when the transform knows it; otherwise the transform's `meta.rule`.
   */
  readonly rule?: string;
}

/** Options every transform may read. Transforms ignore keys they do not know. */
export interface TransformOptions {
  /**
   * Which runtime the code targets. `auto` lets transforms skip files that look browser-only or
   * whose package also runs outside Node (`runtimeScope`; see docs of each transform); `node`
   * treats every file as Node code.
   */
  readonly runtime?: 'auto' | 'node';
  /**
   * Extra entries added to the built-in catalog of signal-aware APIs, e.g. for in-house SDKs.
   * The CLI fills this from `ctxmod.config.json` (see `loadConfig`); programmatic callers pass
   * it themselves. Must stay plain data: options are sent to worker threads.
   */
  readonly catalog?: readonly CatalogEntry[];
  /**
   * The Node versions the code must run on, as a semver range (`>=18.0.0`). Transforms do not
   * emit APIs some of them lack (see `getFeatureSupport`). The engine fills it per file from
   * `engines.node` of the nearest package.json unless the caller set it.
   */
  readonly targetNode?: string;
  /**
   * Where this file runs, for transforms that add a `node:` import: `universal` files (their
   * package declares browser/worker/edge export conditions or a `browser` field) must not get
   * one. The engine fills it per file from the nearest package.json unless the caller set it;
   * `runtime: 'node'` overrides it.
   */
  readonly runtimeScope?: RuntimeScope;
  /** How thread-signal adds a signal to functions that lack one (from the config's `thread`). */
  readonly thread?: ThreadOptions;
  /**
   * race-timeout: when a timeout signal replaces a race, a timeout still rejects with the error
   * the race used (default). `false`: with the operation's own abort error (CLI `--no-keep-error`).
   */
  readonly keepError?: boolean;
  readonly [key: string]: unknown;
}

/**
 * A function the pass treats as having a signal, beyond those it recognises by type. `type`: a
 * parameter whose declared type has this name (`$` in `signal` stands for the parameter);
 * `function`: a function of this name (`signal` is used as written, inside it). The expression is
 * written at every call site that needs it, so keep it cheap: a property read.
 */
export type ThreadRoot = { readonly type: string; readonly signal: string } | { readonly function: string; readonly signal: string };

/**
 * `thread` of the config. `carrier`: what a function that lacks a signal gets: a `signal`
 * parameter, a `signal` property on its options parameter, or a context object first parameter
 * (`ctx.signal`). `paramName`: the name of the new parameter (default `signal`, `ctx` for the ctx
 * carrier). `contextType` / `contextImport`: the ctx carrier's type and the module it comes from
 * (a module specifier, or a path relative to the working directory). `roots`: extra sources of signals.
 * `from`: `sources` (default) threads only along call paths that start at a signal source (a root,
 * a function with a signal parameter or one it makes); `sinks` threads up from every sink, to
 * prepare an API before anything has a signal to give.
 */
export interface ThreadOptions {
  readonly carrier?: 'signal' | 'options' | 'ctx';
  readonly paramName?: string;
  readonly contextType?: string;
  readonly contextImport?: string;
  readonly roots?: readonly ThreadRoot[];
  readonly from?: 'sources' | 'sinks';
}

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
