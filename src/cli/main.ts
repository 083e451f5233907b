import yargs, { type Argv } from 'yargs';
import { resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { applyConfig, CARRIERS, ConfigError, THREAD_FROM, loadConfig } from '../config.ts';
import { migrate, ThreadPassError } from '../api.ts';
import { createReviewer } from './interactive.ts';
import { DirtyFilesError } from '../engine/git.ts';
import { VerifyError } from '../engine/verify.ts';
import { PathNotFoundError, DEFAULT_EXTENSIONS, NoFilesMatchedError } from '../engine/discover.ts';
import type { RunReport } from '../engine/run.ts';
import { entries, isTransformName, UnknownTransformError } from '../registry.ts';
import { buildJsonReport } from '../report/json.ts';
import { createProgress } from '../report/progress.ts';
import { formatText } from '../report/text.ts';
import { VERSION } from '../version.ts';
import { normalizeTargetNode } from '../runtime/features.ts';
import { check } from '../check/check.ts';
import { getDocsUri, getRule, getRuleIds, SEVERITIES, type Severity } from '../check/rules.ts';
import { buildSarif } from '../report/sarif.ts';
import { formatStylish } from '../report/stylish.ts';
import { pathToFileURL } from 'node:url';
import { formatTimings } from '../engine/timings.ts';

/** Exit codes, documented in the README. */
export const EXIT_OK = 0;
/**
 * A file could not be read, parsed or written; or --fail-on-change and something changed; or
 * `check` found problems at or above --fail-on.
 */
export const EXIT_FAILURE = 1;
/** Bad command line (unknown transform or flag, missing path) or bad config. Nothing was written. */
export const EXIT_USAGE = 2;
/** Stopped by SIGINT or SIGTERM: files in flight were finished, nothing is half-written. */
export const EXIT_INTERRUPTED = 130;

export interface Io {
  /** Where SIGINT and SIGTERM come from (default: process); tests pass an emitter. */
  readonly signals?: Pick<NodeJS.Process, 'on' | 'off'>;
  readonly stdout: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Answers for --interactive (default: process.stdin). */
  readonly stdin?: NodeJS.ReadableStream;
}

interface RunFlags {
  paths?: string[];
  /** Everything after `--`: paths, even when they look like flags. */
  '--'?: (string | number)[];
  'follow-symlinks': boolean;
  dry: boolean;
  json: boolean;
  cpus?: number;
  extensions?: string;
  ignore?: string[];
  'include-tests'?: boolean;
  'fail-on-change': boolean;
  quiet: boolean;
  runtime: 'auto' | 'node';
  'target-node'?: string;
  'keep-error': boolean;
  color?: boolean;
  config?: string;
  force: boolean;
  patch?: string;
  verify: boolean;
  project?: string;
  interactive: boolean;
  format: boolean;
  thread: boolean;
  carrier?: (typeof CARRIERS)[number];
  'thread-from'?: (typeof THREAD_FROM)[number];
  'param-name'?: string;
  required?: boolean;
  timings: boolean;
  'type-lookup': boolean | undefined;
}

interface CheckFlags {
  paths?: string[];
  '--'?: (string | number)[];
  'follow-symlinks': boolean;
  format: 'stylish' | 'json' | 'sarif';
  output?: string;
  'fail-on': Severity;
  'type-lookup': boolean;
  rule?: string[];
  cpus?: number;
  extensions?: string;
  ignore?: string[];
  'include-tests'?: boolean;
  quiet: boolean;
  runtime: 'auto' | 'node';
  'target-node'?: string;
  color?: boolean;
  config?: string;
  project?: string;
  thread: boolean;
}

class UsageError extends Error {}

/** The options of every command that visits files: which files, and how to read them. */
function addSourceOptions<T>(argv: Argv<T>) {
  return argv
    .option('cpus', { type: 'number', describe: 'Worker threads to use (default: available cores)' })
    .option('extensions', {
      type: 'string',
      describe: `Comma-separated file extensions to visit (default: ${DEFAULT_EXTENSIONS.join(',')})`,
    })
    .option('ignore', { type: 'string', array: true, describe: 'Glob of paths to skip (repeatable)' })
    .option('include-tests', {
      type: 'boolean',
      describe: 'Visit test files too (*.test.*, *.spec.*, __tests__/, test/, tests/); default: leave them out (config: includeTests)',
    })
    .option('follow-symlinks', {
      type: 'boolean',
      default: false,
      describe: 'Walk into linked directories and edit linked files wherever they point (default: links to outside the paths given are skipped)',
    })
    .option('runtime', {
      choices: ['auto', 'node'] as const,
      default: 'auto' as const,
      describe: 'auto: add no node: import to browser-only files or packages that also run outside Node; node: treat every file as Node code',
    })
    .option('target-node', {
      type: 'string',
      requiresArg: true,
      describe: 'Lowest Node version (or a semver range) the code must run on (default: engines.node of the nearest package.json)',
    })
    .option('config', {
      type: 'string',
      describe: 'Config file (default: the nearest ctxmod.config.json or "ctxmod" key of package.json, up to the repository root)',
      requiresArg: true,
    });
}

function addRunOptions<T>(argv: Argv<T>) {
  return addSourceOptions(argv)
    .option('dry', { type: 'boolean', default: false, describe: 'Print a unified diff instead of writing files' })
    .option('json', { type: 'boolean', default: false, describe: 'Print a machine-readable report on stdout' })
    .option('fail-on-change', { type: 'boolean', default: false, describe: 'Exit 1 if any file changes or would change' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print only errors (and the diff with --dry)' })
    .option('keep-error', {
      type: 'boolean',
      default: true,
      describe: 'race-timeout: a timeout still rejects with the error the race used (--no-keep-error: with the API abort error)',
    })
    .option('color', { type: 'boolean', describe: 'Color the diff (default: when stdout is a terminal)' })
    .option('force', { type: 'boolean', default: false, describe: 'Write even over files with uncommitted git changes' })
    .option('verify', {
      type: 'boolean',
      default: false,
      describe: 'Type-check before and after; files whose edits add type errors are not written (with --dry: marked)',
    })
    .option('project', {
      alias: 'p',
      type: 'string',
      requiresArg: true,
      describe: 'tsconfig for --verify and the thread-signal pass (default: tsconfig.json; for migrate, the nearest one of the first path)',
    })
    .option('format', {
      type: 'boolean',
      default: false,
      describe: "Format each changed file with the repository's own Prettier or Biome (from its node_modules; this runs the repository's code)",
    })
    .option('interactive', {
      alias: 'i',
      type: 'boolean',
      default: false,
      describe: 'Review each hunk on the terminal (y/n/a/d/q) and write only the accepted ones',
    })
    .option('patch', {
      type: 'string',
      requiresArg: true,
      describe: 'Write the changes as a patch file for `git apply`; no source file is written',
    })
    .option('timings', {
      type: 'boolean',
      default: false,
      describe: 'Print the time of each phase and each transform\'s candidate and edited files to stderr (with --json: also under "timings")',
    })
    .option('type-lookup', {
      type: 'boolean',
      describe: 'With a tsconfig, find the signals in scope by their types (the type checker), then by name. Default: on when the thread-signal pass runs (it loads the program anyway); --no-type-lookup: by name only; with --no-thread, --type-lookup loads the program for it',
    });
}

/** Parses argv, runs the command, and returns the exit code. Never calls process.exit. */
export async function main(args: readonly string[], io: Io): Promise<number> {
  let command: (() => Promise<number>) | undefined;
  const parser = yargs([...args])
    .scriptName('ctxmod')
    .usage('$0 <command> [options]\n\nMigrate JavaScript and TypeScript code to AbortSignal-based cancellation.')
    .command('list', 'List the transforms', (y) => y.option('json', { type: 'boolean', default: false }), (argv) => {
      command = async () => listTransforms(io, argv.json);
    })
    .command(
      'run <transforms..>',
      'Run the named transforms (comma- or space-separated) on the given paths',
      (y) => addRunOptions(y.positional('transforms', { type: 'string', array: true, describe: 'Transforms, then paths' })),
      (argv) => {
        command = async () => {
          const { names, paths } = splitTransformsAndPaths(argv.transforms ?? []);
          const flags = argv as unknown as RunFlags;
          return runCommand(names, { ...flags, paths: [...paths, ...getDashDashPaths(flags)] }, io);
        };
      },
    )
    .command(
      'migrate [paths..]',
      'Run every per-file transform in canonical order, then thread a signal through call chains across files (thread-signal)',
      (y) =>
        addRunOptions(y.positional('paths', { type: 'string', array: true, describe: 'Files, directories or globs' }))
          .option('thread', {
            type: 'boolean',
            default: true,
            describe: 'Then thread a signal up call chains across files (thread-signal; needs a tsconfig). --no-thread skips it',
          })
          .option('carrier', {
            choices: CARRIERS,
            describe:
              'How thread-signal carries the signal: a trailing parameter, a property of the trailing options bag, or a context object first parameter (ctx; its type from the config\'s thread.contextType/contextImport) (default: the config\'s thread.carrier, else signal)',
          })
          .option('thread-from', {
            choices: THREAD_FROM,
            describe:
              'Where thread-signal starts: at signal sources (a signal parameter, a controller, a configured root), threading only paths that reach a sink; or at every sink, threading up to callers that have none (to prepare an API) (default: the config\'s thread.from, else sources)',
          })
          .option('param-name', { type: 'string', requiresArg: true, describe: 'Name of the parameter thread-signal adds (default: the config\'s thread.paramName, else signal, or ctx for the ctx carrier)' })
          .option('required', { type: 'boolean', describe: 'thread-signal adds the parameter as required, not optional' }),
      (argv) => {
        command = async () => runCommand(undefined, withDashDashPaths(argv as unknown as RunFlags), io);
      },
    )
    .command(
      'check [paths..]',
      'Report where cancellation is broken, without changing anything',
      (y) =>
        addSourceOptions(y.positional('paths', { type: 'string', array: true, describe: 'Files, directories or globs' }))
          .option('format', { alias: 'f', choices: ['stylish', 'json', 'sarif'] as const, default: 'stylish' as const, describe: 'Output format' })
          .option('output', { alias: 'o', type: 'string', requiresArg: true, describe: 'Write the report to this file instead of stdout' })
          .option('fail-on', {
            alias: 'max-severity',
            choices: SEVERITIES,
            default: 'error' as Severity,
            describe: 'Exit 1 when a problem of this severity or above is found',
          })
          .option('rule', { type: 'string', array: true, requiresArg: true, describe: 'Report only these rules (repeatable, comma-separated)' })
          .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Report only problems at or above --fail-on' })
          .option('color', { type: 'boolean', describe: 'Color the output (default: when stdout is a terminal)' })
          .option('project', {
            alias: 'p',
            type: 'string',
            requiresArg: true,
            describe: 'tsconfig for missing-signal-chain, which analyses the whole program (default: the nearest one of the first path)',
          })
          .option('thread', { type: 'boolean', default: true, describe: '--no-thread skips missing-signal-chain and its program analysis' })
          .option('type-lookup', {
            type: 'boolean',
            default: true,
            describe: "With missing-signal-chain's program, the other rules find the signals in scope by their types first, as migrate does; --no-type-lookup: by name only",
          }),
      (argv) => {
        command = async () => checkCommand(withDashDashPaths(argv as unknown as CheckFlags), io);
      },
    )
    // `ctxmod migrate -- -odd-name.ts`: what follows `--` is kept apart, and taken as paths.
    .parserConfiguration({ 'populate--': true })
    .completion('completion', 'Print a shell completion script (bash, zsh): ctxmod completion >> ~/.bashrc')
    .example('$0 migrate --dry src', 'Show the diff migrate would make to src, without writing')
    .example('$0 migrate src', 'Migrate src: per-file transforms, then the thread pass (needs a tsconfig)')
    .example('$0 run forward-signal,loop-check src', 'Run only these transforms')
    .example('$0 check --format sarif -o ctxmod.sarif', 'Report broken cancellation as SARIF, changing nothing')
    .epilogue(`Docs: ${getDocsUri()}`)
    .demandCommand(1, 'Name a command: list, run, migrate or check.')
    .recommendCommands()
    .strict()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, (io.stdout as NodeJS.WriteStream).columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      // recommendCommands' message alone does not say what was wrong. The typo is named when it
      // comes first (after a flag, a word may be that flag's value).
      if (message?.startsWith('Did you mean')) {
        const typo = args[0] !== undefined && !args[0].startsWith('-') ? ` ${JSON.stringify(args[0])}` : '';
        throw new UsageError(`unknown command${typo}. ${message}`);
      }
      throw new UsageError(message || error?.message || 'invalid command line');
    });

  let output = '';
  try {
    await parser.parseAsync([...args], {}, (_error, _argv, text) => {
      output = text;
    });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`ctxmod: ${error.message}\nRun 'ctxmod --help' for usage.\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  if (!command) {
    // --help or --version: yargs produced the text.
    if (output) io.stdout.write(`${output}\n`);
    return EXIT_OK;
  }
  try {
    return await command();
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof UnknownTransformError ||
      error instanceof PathNotFoundError ||
      error instanceof NoFilesMatchedError ||
      error instanceof ConfigError ||
      error instanceof DirtyFilesError ||
      error instanceof VerifyError
    ) {
      io.stderr.write(`ctxmod: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

/**
 * Ctrl-C (SIGINT) or SIGTERM aborts the returned controller's signal: runs stop starting files,
 * finish those in flight and report what was done. A second one ends the process at once (the
 * signal's default action). `dispose()` stops listening.
 */
function listenForInterrupt(io: Io): AbortController & { dispose(): void } {
  const controller = new AbortController();
  const signals = io.signals ?? process;
  // Listening until disposed, not once: write-file-atomic's exit handler (signal-exit) raises a
  // signal again when no other listener is left, which would kill the run in the middle of the
  // thread pass's change set it is writing.
  const interrupt = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) {
      controller.abort();
      return;
    }
    dispose();
    if (signals === process) process.kill(process.pid, signal);
  };
  const dispose = () => {
    signals.off('SIGINT', interrupt);
    signals.off('SIGTERM', interrupt);
  };
  signals.on('SIGINT', interrupt);
  signals.on('SIGTERM', interrupt);
  return Object.assign(controller, { dispose });
}

function getDashDashPaths(flags: { '--'?: (string | number)[] }): string[] {
  return (flags['--'] ?? []).map(String);
}

function withDashDashPaths<T extends { paths?: string[]; '--'?: (string | number)[] }>(flags: T): T {
  return { ...flags, paths: [...(flags.paths ?? []), ...getDashDashPaths(flags)] };
}

/** `run a,b c src lib`: leading transform names (comma-separated or not), then paths. */
export function splitTransformsAndPaths(positionals: readonly (string | number)[]): { names: string[]; paths: string[] } {
  const names: string[] = [];
  let index = 0;
  for (; index < positionals.length; index++) {
    const parts = String(positionals[index]).split(',').filter(Boolean);
    if (index > 0 && !parts.every((part) => isTransformName(part))) break;
    names.push(...parts);
  }
  const unknown = names.filter((name) => !isTransformName(name));
  if (unknown.length > 0) throw new UnknownTransformError(unknown);
  return { names, paths: positionals.slice(index).map(String) };
}

function listTransforms(io: Io, json: boolean): number {
  if (json) {
    const list = entries.map(({ meta }) => ({ name: meta.name, description: meta.description }));
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT_OK;
  }
  const width = Math.max(...entries.map(({ meta }) => meta.name.length));
  for (const { meta } of entries) io.stdout.write(`${meta.name.padEnd(width)}  ${meta.description}\n`);
  return EXIT_OK;
}

/** The flags `run`, `migrate` and `check` share, validated. */
function getCommonFlags(flags: Pick<RunFlags, 'extensions' | 'cpus' | 'target-node'>) {
  const extensions = flags.extensions?.split(',').map((ext) => ext.trim().replace(/^\./, '')).filter(Boolean);
  if (extensions && extensions.length === 0) throw new UsageError('--extensions needs at least one extension, e.g. --extensions ts,tsx');
  if (flags.cpus !== undefined && (!Number.isInteger(flags.cpus) || flags.cpus < 1)) {
    throw new UsageError(`--cpus must be a positive integer, got ${String(flags.cpus)}`);
  }
  const targetNode = flags['target-node'] === undefined ? undefined : normalizeTargetNode(flags['target-node']);
  if (flags['target-node'] !== undefined && targetNode === undefined) {
    throw new UsageError(`--target-node must be a Node version or semver range, e.g. 18.17 or ">=18", got ${flags['target-node']}`);
  }
  return { extensions, targetNode };
}

async function checkCommand(flags: CheckFlags, io: Io): Promise<number> {
  const { extensions, targetNode } = getCommonFlags(flags);
  const only = flags.rule?.flatMap((value) => value.split(',')).map((id) => id.trim()).filter(Boolean);
  const unknown = only?.filter((id) => !getRule(id)) ?? [];
  if (unknown.length > 0) throw new UsageError(`unknown rule${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Valid rules: ${getRuleIds().join(', ')}`);
  const loaded = await loadConfig(io.cwd, flags.config);
  const showProgress = flags.format === 'stylish' && flags.output === undefined && !flags.quiet && Boolean(io.stderr.isTTY);
  const progress = showProgress ? createProgress(io.stderr) : undefined;
  const controller = listenForInterrupt(io);
  let report;
  try {
    // The config's ignore globs, catalog and target Node apply; its transform selection does
    // not: `check` always looks with every transform, and `rules` says what to report.
    const { transforms: _selected, ...configured } = applyConfig(
      {
        paths: flags.paths && flags.paths.length > 0 ? flags.paths : ['.'],
        cwd: io.cwd,
        extensions,
        ignore: flags.ignore,
        ...(flags['include-tests'] === undefined ? {} : { includeTests: flags['include-tests'] }),
        followSymlinks: flags['follow-symlinks'],
        cpus: flags.cpus,
        transformOptions: { runtime: flags.runtime, ...(targetNode === undefined ? {} : { targetNode }) },
      },
      loaded?.config,
    );
    report = await check({
      ...configured,
      ...(loaded?.config.rules ? { rules: loaded.config.rules } : {}),
      ...(only ? { only } : {}),
      failOn: flags['fail-on'],
      onProgress: progress?.update,
      signal: controller.signal,
      ...(flags.thread ? (flags.project === undefined ? {} : { project: flags.project }) : { project: false }),
      ...(flags['type-lookup'] === false ? { typeLookup: false } : {}),
    });
  } finally {
    controller.dispose();
    progress?.done();
  }
  let text: string;
  if (flags.format === 'json') text = `${JSON.stringify(report, null, 2)}\n`;
  else if (flags.format === 'sarif') text = `${JSON.stringify(buildSarif(report, pathToFileURL(`${resolve(io.cwd)}/`).href), null, 2)}\n`;
  else {
    const toFile = flags.output !== undefined;
    text = formatStylish(report, { quiet: flags.quiet, color: !toFile && (flags.color ?? (Boolean(io.stdout.isTTY) && !('NO_COLOR' in io.env))) });
  }
  if (flags.output !== undefined) await writeFileAtomic(resolve(io.cwd, flags.output), text);
  else io.stdout.write(text);
  if (!flags.quiet) for (const note of report.notes ?? []) io.stderr.write(`ctxmod: ${note}\n`);
  if (report.interrupted) return EXIT_INTERRUPTED;
  return report.failed ? EXIT_FAILURE : EXIT_OK;
}

/** `names` undefined: `migrate`, whose transforms come from the config (default: all). */
async function runCommand(names: readonly string[] | undefined, flags: RunFlags, io: Io): Promise<number> {
  const { extensions, targetNode } = getCommonFlags(flags);
  if (flags['param-name'] !== undefined && !/^[A-Za-z_$][\w$]*$/.test(flags['param-name'])) {
    throw new UsageError(`--param-name must be an identifier, got ${flags['param-name']}`);
  }
  if (flags.interactive) {
    // The review writes the accepted hunks: nothing to review in a run that writes nothing, and
    // the prompts would corrupt a JSON report.
    const clash = (['json', 'dry', 'patch', 'verify'] as const).filter((flag) => flags[flag] !== undefined && flags[flag] !== false);
    if (clash.length > 0) throw new UsageError(`--interactive cannot be combined with ${clash.map((flag) => `--${flag}`).join(', ')}`);
  }
  const dry = flags.dry || flags.patch !== undefined;
  const showProgress = !flags.json && !flags.quiet && !flags.interactive && Boolean(io.stderr.isTTY);
  const progress = showProgress ? createProgress(io.stderr) : undefined;
  const controller = listenForInterrupt(io);
  const reviewer = flags.interactive
    ? createReviewer({
        input: io.stdin ?? process.stdin,
        output: io.stderr,
        color: flags.color ?? (Boolean(io.stderr.isTTY) && !('NO_COLOR' in io.env)),
        signal: controller.signal,
      })
    : undefined;
  // Flags win over the config's `thread` key.
  const thread = {
    ...(flags.carrier === undefined ? {} : { carrier: flags.carrier }),
    ...(flags['thread-from'] === undefined ? {} : { from: flags['thread-from'] }),
    ...(flags['param-name'] === undefined ? {} : { paramName: flags['param-name'] }),
  };
  let report: RunReport;
  let threadError: string | undefined;
  try {
    report = await migrate({
      config: flags.config ?? true,
      paths: flags.paths && flags.paths.length > 0 ? flags.paths : ['.'],
      ...(names === undefined ? {} : { transforms: names }),
      cwd: io.cwd,
      dry,
      extensions,
      ignore: flags.ignore,
      ...(flags['include-tests'] === undefined ? {} : { includeTests: flags['include-tests'] }),
      followSymlinks: flags['follow-symlinks'],
      cpus: flags.cpus,
      transformOptions: {
        runtime: flags.runtime,
        ...(targetNode === undefined ? {} : { targetNode }),
        ...(flags['keep-error'] ? {} : { keepError: false }),
        ...(Object.keys(thread).length > 0 ? { thread } : {}),
      },
      onProgress: progress?.update,
      onPhase: progress?.phase,
      requireClean: !flags.force,
      signal: controller.signal,
      verify: flags.verify ? (flags.project ?? true) : undefined,
      review: reviewer?.review,
      ...(flags.format ? { format: true } : {}),
      ...(flags.timings ? { timings: true } : {}),
      ...(flags.project === undefined ? {} : { project: flags.project }),
      ...(flags.thread === false ? { thread: false } : {}),
      ...(flags['type-lookup'] === undefined ? {} : { typeLookup: flags['type-lookup'] }),
      ...(flags.required === undefined ? {} : { required: flags.required }),
    });
  } catch (error) {
    if (!(error instanceof ThreadPassError)) throw error;
    report = error.report;
    threadError = error.message;
  } finally {
    controller.dispose();
    progress?.done();
    reviewer?.close();
  }

  if (flags.patch !== undefined) {
    const patch = report.files.flatMap((file) => (file.diff ? [file.diff] : [])).join('');
    await writeFileAtomic(resolve(io.cwd, flags.patch), patch);
  }
  if (report.timings) io.stderr.write(formatTimings(report.timings));
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(buildJsonReport(report), null, 2)}\n`);
  } else {
    const color = flags.color ?? (Boolean(io.stdout.isTTY) && !('NO_COLOR' in io.env));
    // With --patch the diff went to the file: stdout stays quiet.
    const { stdout, stderr } = formatText(report, { dry, showDiff: flags.patch === undefined && flags.dry, quiet: flags.quiet, color });
    io.stdout.write(stdout);
    io.stderr.write(stderr);
  }
  if (threadError !== undefined) {
    io.stderr.write(`ctxmod: thread-signal not run: ${threadError}\n`);
    return EXIT_USAGE;
  }
  if (report.interrupted) return EXIT_INTERRUPTED;
  const { errors, changed } = report.summary;
  return errors > 0 || (flags['fail-on-change'] && changed > 0) ? EXIT_FAILURE : EXIT_OK;
}
