/**
 * The types of ctxmod's public API (`import type { ... } from 'ctxmod'`). This module imports no
 * internal module, so the published declarations a consumer type-checks stop here: no jscodeshift,
 * tinypool or ts-morph types. The engine's modules use these same types (and extend a few with
 * options only the CLI passes), so there is one definition of each.
 */
import type { Log } from 'sarif';
import type { CatalogEntry } from './catalog/types.ts';
import type { RuleLevel, Severity } from './check/rules.ts';

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
  mayApply(source: string, hints?: PrefilterHints): boolean;
  /** The `ctxmod check` rule whose sites this transform fixes, for findings that name none. */
  readonly rule?: string;
  /**
   * What the edit changes besides letting an abort stop the work (another error, a deadline that
   * cannot be called off), as its doc's "Behaviour changes" says: such an edit needs a reviewer,
   * so the ESLint plugin offers it as a suggestion, never as an autofix.
   */
  readonly behaviourChange?: string;
}

/** What the engine knows of a file beyond its text, for `TransformMeta.mayApply`. */
export interface PrefilterHints {
  /**
   * The type checker found a signal in the file's parameters or class fields (a tsconfig is there
   * and the type lookup is on): code that names no signal may still have one in scope.
   */
  readonly typedSignals?: boolean;
}

/** What a pass over the whole program says about itself (a per-file transform's meta, minus the prefilter). */
export type PassMeta = Omit<TransformMeta, 'mayApply'>;

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
  /**
   * A site a `ctxmod-ignore-next-line` / `ctxmod-disable` comment covers for its rule: `migrate`
   * left it as it is (an edit it would have made is not made) and lists it as suppressed.
   */
  readonly suppressed?: boolean;
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
   * package declares browser/worker/edge export conditions or a `browser` field, or says it runs
   * outside Node and its source uses nothing of Node) must not get one. The engine fills it per
   * file from the nearest package.json unless the caller set it; `runtime: 'node'` overrides it.
   */
  readonly runtimeScope?: RuntimeScope;
  /**
   * What made the engine find `runtimeScope` `universal` (`its package.json has a browser
   * field`), for review notes. Only the engine sets it.
   */
  readonly runtimeScopeReason?: string;
  /** How thread-signal adds a signal to functions that lack one (from the config's `thread`). */
  readonly thread?: ThreadOptions;
  /**
   * race-timeout: when a timeout signal replaces a race, a timeout still rejects with the error
   * the race used (default). `false`: with the operation's own abort error (CLI `--no-keep-error`).
   */
  readonly keepError?: boolean;
  /**
   * How the repository's formatter config (Prettier, Biome, `.editorconfig`) lays out code, for
   * new code in this file where the file itself does not show it. The engine fills it per file
   * unless the caller set it (see `getStyleForFile`).
   */
  readonly style?: CodeStyle;
  readonly [key: string]: unknown;
}

/** What a formatter config says about code layout; a key it leaves open is absent. */
export interface CodeStyle {
  readonly quote?: 'single' | 'double';
  readonly semicolons?: boolean;
  readonly useTabs?: boolean;
  readonly indentWidth?: number;
  readonly arrowParens?: 'always' | 'avoid';
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

// ---------------------------------------------------------------------------------------------
// Transforms

/**
 * A transform of the registry (`transforms`, `getTransform`), to pass to `processSource`. Its
 * function runs on a jscodeshift tree; that context is not part of the public types.
 */
export interface Transform {
  readonly meta: TransformMeta;
  readonly transform: (context: never) => void;
}

/** What happened to a file: `skipped` files were not processed (see `reason`). */
export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'error';

/** Why a file could not be processed; `line`/`column` (1-based) for a parse error. */
export interface FileError {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** `processSource`'s result for one text. */
export interface SourceResult {
  readonly status: FileStatus;
  /** The new text, when `status` is `changed`. */
  readonly output?: string;
  readonly findings: readonly Finding[];
  readonly reason?: string;
  readonly error?: FileError;
  /** Whether the text was parsed (false when every transform's prefilter ruled it out). */
  readonly parsed: boolean;
}

// ---------------------------------------------------------------------------------------------
// migrate / run

/** Options of `run` (`ctxmod run`); `migrate` takes the same with `transforms` optional and a config. */
export interface RunOptions {
  /** Files, directories or globs. */
  readonly paths: readonly string[];
  /** Transform names; run in canonical order. */
  readonly transforms: readonly string[];
  readonly cwd?: string;
  /** true: write nothing. */
  readonly dry?: boolean;
  /** Compute a unified diff for each changed file (on by default for dry runs). */
  readonly diff?: boolean;
  readonly extensions?: readonly string[];
  readonly ignore?: readonly string[];
  /** Walk into linked directories and take linked files wherever they point (see DiscoverOptions). */
  readonly followSymlinks?: boolean;
  /** Worker threads to use; 1 runs everything in this thread. Default: available cores. */
  readonly cpus?: number;
  readonly transformOptions?: TransformOptions;
  /** Called after each file is done, with the count so far and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called as the run enters each phase (for a progress display). */
  readonly onPhase?: (phase: RunPhase) => void;
  /**
   * Before writing, refuse (DirtyFilesError, nothing written) when any file to visit has
   * uncommitted git changes. Default true; ignored for dry runs.
   */
  readonly requireClean?: boolean;
  /**
   * Abort to stop the run: no new file is started, files in progress are finished (a write is
   * never cut short), the rest are reported as skipped, and the report says `interrupted`.
   */
  readonly signal?: AbortSignal;
  /**
   * Type-check the project (this tsconfig, or `tsconfig.json` in cwd for `true`) before and
   * after; files whose edits add diagnostics are not written (with `dry`: marked).
   */
  readonly verify?: boolean | string;
  /**
   * Review each changed file before it is written (`--interactive`): called in path order with
   * the text read and the migrated text; returns the text to write (e.g. with only the accepted
   * hunks), or undefined to leave the file alone. Writes keep every guarantee of a normal run
   * (clean tree, hash check, atomic). Ignored for dry runs; not combinable with `verify`.
   */
  readonly review?: (file: ReviewFile) => Promise<string | undefined>;
  /**
   * Visit test files too (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`, `tests/`; see
   * `isTestFile`). Default false: they are left out and counted in `summary.testFilesSkipped`.
   */
  readonly includeTests?: boolean;
  /**
   * Format each changed file with the repository's own Prettier or Biome, resolved from the
   * `node_modules` above it (never ctxmod's): this runs the repository's code. Unchanged files are
   * never formatted; without an installed formatter the file is an error and is not written.
   * `migrate` formats the files its thread-signal pass changes too, before writing its change sets;
   * a file of a change set the formatter fails on keeps its unformatted text, with a manual finding.
   */
  readonly format?: boolean;
}

/** What a run is doing: finding and prefiltering files, transforming them, the cross-file pass, the type check. */
export type RunPhase = 'scanning' | 'transforming' | 'threading' | 'verifying';

/** A changed file offered to `RunOptions.review`. */
export interface ReviewFile {
  readonly path: string;
  readonly before: string;
  readonly after: string;
  readonly findings: readonly Finding[];
  /**
   * The `thread-signal` change sets with an edit in this file. A set is written whole or not at
   * all: when the text returned for any of its files leaves out a change on one of its lines,
   * its changes are left out of every file of the set, with a review note that says so.
   */
  readonly changeSets?: readonly ReviewChangeSet[];
}

/** A `thread-signal` change set (a changed signature and the call sites it implies) in one file. */
export interface ReviewChangeSet {
  /** The same in every file of the set. */
  readonly id: number;
  /** What it threads, e.g. `getUser (client.ts:1)`. */
  readonly label: string;
  /** The 1-based lines of `before` its edits change (with the transforms' edits in the functions it threads). */
  readonly lines: readonly number[];
  /** Every file the set changes (paths as `path`). */
  readonly files: readonly string[];
}

/** One file of a run's report. */
export interface FileResult {
  /** Relative to `cwd` with forward slashes (absolute outside it). */
  readonly path: string;
  readonly status: FileStatus;
  readonly findings: readonly Finding[];
  readonly reason?: string;
  readonly error?: FileError;
  /** The unified diff of a changed file, when diffs were asked for. */
  readonly diff?: string;
}

export interface RunSummary {
  readonly files: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly errors: number;
  readonly edits: number;
  /** Sites left for a human, suppressed ones not counted. */
  readonly manual: number;
  /** Sites a suppression comment covers, left as they are (present when some were). */
  readonly suppressed?: number;
  readonly durationMs: number;
  /** Test files found and not visited (present when some were; see `RunOptions.includeTests`). */
  readonly testFilesSkipped?: number;
  /**
   * With `verify`: type-check diagnostics before and after the edits, of the files the edits can
   * reach (`files` of them: the changed files and the files importing one whose declarations
   * changed), or of the whole program when `files` is absent (an edited script or module
   * augmentation reaches every file).
   */
  readonly diagnostics?: { readonly before: number; readonly after: number; readonly files?: number };
}

/** What `migrate` and `run` return; `buildJsonReport` turns it into the `--json` object. */
export interface RunReport {
  readonly version: string;
  readonly files: readonly FileResult[];
  readonly summary: RunSummary;
  /** Things the user should know that are not about one file (e.g. not in a git repository). */
  readonly warnings: readonly string[];
  /** True when `signal` stopped the run before every file was done. */
  readonly interrupted: boolean;
}

/**
 * Where the config comes from: a validated config object, `true` for `ctxmod.config.json` (or
 * package.json's `"ctxmod"` key) in `cwd` like the CLI, a path (relative to `cwd`) like
 * `--config`, or `false`/absent for none.
 */
export type ConfigSource = CtxmodConfig | boolean | string;

export interface MigrateOptions extends Omit<RunOptions, 'transforms'> {
  /**
   * Transform names (default: the config's `transforms`, else all), run in canonical order:
   * the per-file transforms, then `thread-signal` over the whole program.
   */
  readonly transforms?: readonly string[];
  readonly config?: ConfigSource;
  /**
   * The tsconfig `thread-signal` analyses (relative to `cwd`; a PathNotFoundError when missing).
   * Default: the nearest tsconfig.json at or above the first path; without one the pass is
   * skipped with a warning.
   */
  readonly project?: string;
  /** `false`: leave `thread-signal` out whatever `transforms` says (CLI `--no-thread`). */
  readonly thread?: boolean;
  /** `thread-signal`: the parameters it adds are required, not optional (CLI `--required`). */
  readonly required?: boolean;
  /**
   * Whether the per-file transforms ask the type checker which parameters and `this` fields hold
   * a signal, one or two levels down (`o.signal`, `context.options.signal`, `this.config.signal`,
   * a `Request`'s), and which do not, before going by name (CLI `--type-lookup` /
   * `--no-type-lookup`). Default: on when the thread-signal pass runs and a tsconfig is found
   * (as for `project`): the pass loads the program anyway and reuses it. Without the pass the
   * lookup would load the program for itself alone, so it is off unless set to `true`.
   */
  readonly typeLookup?: boolean;
}

// ---------------------------------------------------------------------------------------------
// The `--json` report

/** The `schemaVersion` of the `--json` report (`schemas/report.schema.json`). */
export type JsonReportSchemaVersion = 1;

/** One site in a `--json` report. Lines and columns are 1-based, in the input file. */
export interface JsonFinding {
  transform: string;
  line: number;
  column: number;
  /** The last line of the site, when it spans several. */
  endLine?: number;
  message: string;
  /** A change that follows from another edit (an import added, a helper removed): no site of its own. */
  consequence?: boolean;
  /** A review note at a site whose code already stops the work on abort (see `Finding.handled`). */
  handled?: boolean;
  /** A site a suppression comment covers: left as it is (see `Finding.suppressed`). */
  suppressed?: boolean;
}

export interface JsonFile {
  path: string;
  status: FileStatus;
  /** What was changed (or, with --dry, would be). */
  edits: JsonFinding[];
  /** Sites a transform found but left for a human to review. */
  manual: JsonFinding[];
  reason?: string;
  error?: FileError;
  /** Unified diff, with --dry only. */
  diff?: string;
}

/** What `ctxmod migrate --json` prints; `schemas/report.schema.json` is its JSON Schema. */
export interface JsonReport {
  schemaVersion: JsonReportSchemaVersion;
  /** The ctxmod version. */
  version: string;
  files: JsonFile[];
  summary: RunSummary;
  /** Run-wide notes, e.g. that the files are not in a git repository. */
  warnings: string[];
  /** The run was stopped (SIGINT/SIGTERM) before every file was done. */
  interrupted: boolean;
  /** With --timings: ms per phase, and per transform its candidate files and files with an edit. */
  timings?: JsonTimings;
}

/** Where a run's time went (`--timings`). */
export interface JsonTimings {
  /**
   * ms per phase (discover, read+prefilter, prescan, types, parse, index, transforms, print, write, thread, verify); the
   * per-file phases are summed over files and worker threads. A phase that did not run is absent.
   */
  readonly phases: Readonly<Partial<Record<string, number>>>;
  /** Per transform: files its prefilter let through, and files it edited. */
  readonly transforms: Readonly<Record<string, { readonly candidates: number; readonly edited: number }>>;
}

export interface TransformSourcesOptions {
  /** Path -> source text. Paths decide the parser (`.ts`, `.tsx`, ...) and appear in the report. */
  readonly files: Readonly<Record<string, string>>;
  /** Transform names (default: the config's `transforms`, else all). */
  readonly transforms?: readonly string[];
  /** Globs of paths to leave out (reported as skipped); added to the config's `ignore`. */
  readonly ignore?: readonly string[];
  /**
   * Options for the transforms. Nothing is read from disk, so `targetNode` is not taken from any
   * package.json: set it here or in the config.
   */
  readonly transformOptions?: TransformOptions;
  /** A validated config (see `parseConfig`/`loadConfig`); config files are not read. */
  readonly config?: CtxmodConfig;
  /** Add a unified diff to each changed file, as `--dry` does. */
  readonly diff?: boolean;
}

/** A file of an in-memory run: its `--json` entry plus the new text. */
export interface SourceFile extends JsonFile {
  /** The migrated text, for changed files only. */
  output?: string;
}

/** The `--json` report of an in-memory run, with the new texts. */
export interface SourcesReport extends Omit<JsonReport, 'files'> {
  files: SourceFile[];
  /** Every input path -> its text after the run (the input itself when nothing changed). */
  sources: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// check

export interface CheckOptions extends Pick<RunOptions, 'paths' | 'cwd' | 'extensions' | 'ignore' | 'includeTests' | 'followSymlinks' | 'cpus' | 'transformOptions' | 'onProgress' | 'signal'> {
  /** Severity per rule, `off` to disable one (the `rules` key of ctxmod.config.json). */
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  /** Report only these rules. */
  readonly only?: readonly string[];
  /** Lowest severity that fails the check (default `error`). */
  readonly failOn?: Severity;
  /**
   * The tsconfig for `missing-signal-chain`, which needs the whole program (the thread-signal
   * analysis, planned and never written). Default: the nearest tsconfig.json of the first path;
   * `false`: skip the rule. Without a tsconfig the rule is skipped with a note; a path given that
   * does not exist is a PathNotFoundError.
   */
  readonly project?: string | false;
  /**
   * `false`: the per-file rules find the signal in scope by name only (CLI `--no-type-lookup`).
   * Default: when `missing-signal-chain` loads the program, the type checker first says which
   * parameters and `this` fields hold a signal, as in `migrate` (see `MigrateOptions.typeLookup`).
   */
  readonly typeLookup?: boolean;
}

/** One problem. Lines and columns are 1-based, in the file as it is. */
export interface Diagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** The transform that found the site. */
  readonly transform: string;
  /** `ctxmod migrate` would fix this site (with `transform`); false: it needs a human. */
  readonly fixable: boolean;
}

export interface CheckFile {
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The file could not be read or parsed: it was not checked. */
  readonly error?: FileError;
  /** Why the file was skipped (too large, ...). */
  readonly reason?: string;
}

export interface CheckSummary {
  /** Files visited. */
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Diagnostics `ctxmod migrate` would fix. */
  readonly fixable: number;
  /** Diagnostics hidden by ctxmod-ignore-next-line / ctxmod-disable comments. */
  readonly suppressed: number;
  /** Files that could not be read or parsed. */
  readonly fileErrors: number;
  /** Test files found and not checked (present when some were; `includeTests` checks them). */
  readonly testFilesSkipped?: number;
  readonly durationMs: number;
}

/** The result of `check()`, and the `--format json` output. */
/** The `schemaVersion` of the `check --format json` report (`schemas/check-report.schema.json`). */
export type CheckReportSchemaVersion = 1;

/** What `check()` returns and `ctxmod check --format json` prints; `schemas/check-report.schema.json` is its JSON Schema. */
export interface CheckReport {
  /** Goes up when a field changes meaning or goes away. */
  readonly schemaVersion: CheckReportSchemaVersion;
  readonly version: string;
  /** Files with diagnostics, errors or a skip reason, by path. */
  readonly files: readonly CheckFile[];
  readonly summary: CheckSummary;
  readonly failOn: Severity;
  /** A diagnostic at or above `failOn`, or a file that could not be checked. */
  readonly failed: boolean;
  readonly interrupted: boolean;
  /** What the check left out and why (`missing-signal-chain` without a tsconfig); present when there is something. */
  readonly notes?: readonly string[];
}

/** A SARIF 2.1.0 log (`buildSarif`). */
export type SarifLog = Log;

// ---------------------------------------------------------------------------------------------
// Configuration

/** Which transforms `migrate` runs: only these (a list, or `enable`), or all but these. */
export type TransformSelection = readonly string[] | { readonly enable: readonly string[] } | { readonly disable: readonly string[] };

/**
 * `ctxmod.config.json` (or package.json's `"ctxmod"` key) as written: every key is optional
 * (`schemas/config.schema.json` is its JSON Schema). `parseConfig` turns it into a `CtxmodConfig`.
 */
export interface CtxmodConfigInput {
  /** Ignored; editors may use it. */
  readonly $schema?: string;
  /** The transforms `migrate` runs (default: all). */
  readonly transforms?: TransformSelection;
  /** Globs of paths to skip, relative to the config file's directory. */
  readonly ignore?: readonly string[];
  /** Visit test files too. */
  readonly includeTests?: boolean;
  /** The lowest Node version, or a semver range, the code must run on. */
  readonly targetNode?: string;
  /** How the thread-signal pass adds signals to functions that lack one. */
  readonly thread?: ThreadOptions;
  /** Signal-aware APIs of your own SDKs, added to the built-in catalog. */
  readonly catalog?: readonly CatalogEntryInput[];
  /** `ctxmod check`: severity per rule id, or `off`. */
  readonly rules?: Readonly<Record<string, RuleLevel>>;
}

/** A catalog entry as written in the config: `since` defaults to `"user config"`. */
export type CatalogEntryInput = Omit<CatalogEntry, 'since'> & { readonly since?: string };

/** The validated config (`parseConfig`, `loadConfig`): defaults filled in, `targetNode` a semver range. */
export interface CtxmodConfig extends Omit<CtxmodConfigInput, 'catalog'> {
  readonly catalog: readonly CatalogEntry[];
}

export interface LoadedConfig {
  /** Absolute path of the file the config came from (a package.json for the `"ctxmod"` key). */
  readonly path: string;
  readonly config: CtxmodConfig;
}

/** The options a config contributes to; what `run`, `migrate` and `transformSources` take. */
export interface ConfigurableOptions {
  readonly transforms?: readonly string[];
  readonly ignore?: readonly string[];
  readonly includeTests?: boolean;
  readonly transformOptions?: TransformOptions;
}

// ---------------------------------------------------------------------------------------------
// The thread pass

/** `threadSignal`'s options: the config's `thread` keys plus the project. */
export interface ThreadRunOptions extends ThreadOptions {
  /** The tsconfig of the project. */
  readonly project: string;
  readonly cwd?: string;
  /** true: write nothing. */
  readonly dry?: boolean;
  /** Compute a unified diff for each changed file. */
  readonly diff?: boolean;
  /** Add the parameter as required (`signal: AbortSignal`) instead of optional. */
  readonly required?: boolean;
  /** Absolute names of the files the pass may change; default: every file of the program. */
  readonly files?: ReadonlySet<string>;
  /** Extra catalog entries: their names make calls candidates for sinks. */
  readonly catalog?: readonly CatalogEntry[];
  /** Gets the plan's lines about the whole program. */
  readonly onSummary?: (lines: readonly string[]) => void;
  /** Stops the pass between the steps of the analysis (nothing written), or between change sets. */
  readonly signal?: AbortSignal;
}
