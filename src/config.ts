/**
 * User configuration: `ctxmod.config.json` (or the `"ctxmod"` key of package.json) chooses the
 * transforms, paths to ignore, the target Node version and how thread-signal threads signals, and
 * adds catalog entries for the user's own SDKs. The loaded config is plain JSON data, so it can
 * cross to worker threads inside `TransformOptions`. CLI flags override it (see `applyConfig`).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import * as z from 'zod';
import type { CatalogEntry, SignalPosition, SignalSlot } from './catalog/types.ts';
import { ConfigError } from './errors.ts';
import { getRule, getRuleIds, RULE_LEVELS, type RuleLevel } from './check/rules.ts';
import { getTransformNames, isTransformName } from './registry.ts';
import { normalizeTargetNode } from './runtime/features.ts';
import type { ConfigurableOptions, CtxmodConfig, CtxmodConfigInput, LoadedConfig, TransformSelection } from './public-types.ts';
import type { ThreadOptions } from './types.ts';

export { ConfigError } from './errors.ts';
export type { ConfigurableOptions, CtxmodConfig, CtxmodConfigInput, LoadedConfig, TransformSelection } from './public-types.ts';

/** The file name looked up from the working directory up to the repository root. */
export const CONFIG_FILE = 'ctxmod.config.json';
/** The package.json key looked up when there is no config file. */
export const PACKAGE_JSON_KEY = 'ctxmod';
/** `since` of a user catalog entry that does not give one. */
export const DEFAULT_SINCE = 'user config';

// ---------------------------------------------------------------------------------------------
// Schema

/** A strict object whose unknown-key error lists the allowed keys. */
function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const allowed = Object.keys(shape).map((key) => `"${key}"`).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')} (allowed: ${allowed})`
        : undefined,
  });
}

const nonEmpty = z.string().min(1, { error: 'expected a non-empty string' });
const index = z.number().int({ error: 'expected a non-negative integer' }).min(0, { error: 'expected a non-negative integer' });

const positionSchema = z.discriminatedUnion('kind', [
  strictObject({ kind: z.literal('index'), index }),
  strictObject({ kind: z.literal('after-positional'), minIndex: index }),
  strictObject({ kind: z.literal('last') }),
  strictObject({
    kind: z.literal('request-options'),
    optionKeys: z.array(nonEmpty).min(1, { error: 'expected at least one option key' }),
  }),
]) satisfies z.ZodType<SignalPosition>;

const PROPERTY = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

const signalSlotSchema = strictObject({
  position: positionSchema,
  property: z.string().regex(PROPERTY, { error: 'expected a property name or a dotted path such as "signal" or "request.signal"' }),
  stringIsEncoding: z.boolean().optional(),
  callbackLast: z.boolean().optional(),
  fillUndefined: z.boolean().optional(),
  requestFirst: z.boolean().optional(),
  acceptsNull: z.boolean().optional(),
}) satisfies z.ZodType<SignalSlot>;

const catalogEntrySchema = strictObject({
  module: nonEmpty,
  path: z.string(),
  instance: nonEmpty.optional(),
  signal: signalSlotSchema,
  since: z.string().default(DEFAULT_SINCE),
  notes: z.string().optional(),
  local: z.boolean().optional(),
}) satisfies z.ZodType<CatalogEntry>;

const transformName = z.string().refine((name) => isTransformName(name), {
  error: (issue) => `unknown transform ${JSON.stringify(issue.input)} (known: ${getTransformNames().join(', ')})`,
});
const transformList = z.array(transformName);

const transformsSchema = z.union([transformList, strictObject({ enable: transformList }), strictObject({ disable: transformList })], {
  error: () => 'expected a list of transform names, { "enable": [...] } or { "disable": [...] }',
}) satisfies z.ZodType<TransformSelection>;

const targetNodeSchema = z.string().transform((text, ctx) => {
  const range = normalizeTargetNode(text);
  if (range === undefined) {
    ctx.addIssue({ code: 'custom', input: text, message: `expected a Node version or semver range such as "18.17" or ">=20", got ${describeValue(text)}` });
    return z.NEVER;
  }
  return range;
});

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export const CARRIERS = ['signal', 'options', 'ctx'] as const;
/** Where thread-signal starts a chain: at a signal source (default), or at every sink. */
export const THREAD_FROM = ['sources', 'sinks'] as const;

const identifier = (example: string) => z.string().regex(IDENTIFIER, { error: `expected a JavaScript identifier such as "${example}"` });

const rootSchema = z.union(
  [strictObject({ type: nonEmpty, signal: nonEmpty }), strictObject({ function: identifier('handler'), signal: nonEmpty })],
  { error: 'expected { "type": "<parameter type>", "signal": "$.signal" } or { "function": "<name>", "signal": "<expression>" }' },
);

const threadSchema = strictObject({
  carrier: z.enum(CARRIERS).optional(),
  paramName: identifier('signal').optional(),
  contextType: identifier('Context').optional(),
  contextImport: nonEmpty.optional(),
  roots: z.array(rootSchema).optional(),
  from: z.enum(THREAD_FROM).optional(),
}) satisfies z.ZodType<ThreadOptions>;

/**
 * The schema of `ctxmod.config.json` and of package.json's `"ctxmod"` key. New top-level keys go
 * here (and in `CtxmodConfig`); unknown keys are errors that list the allowed ones.
 */
export const configSchema = strictObject({
  $schema: z.string().optional(),
  transforms: transformsSchema.optional(),
  ignore: z.array(nonEmpty).optional(),
  includeTests: z.boolean().optional(),
  targetNode: targetNodeSchema.optional(),
  thread: threadSchema.optional(),
  catalog: z.array(catalogEntrySchema).default([]),
  rules: z
    .record(
      z.string().refine((id) => getRule(id) !== undefined, {
        error: (issue) => `unknown rule ${JSON.stringify(issue.input)} (rules: ${getRuleIds().join(', ')})`,
      }),
      z.enum(RULE_LEVELS as [RuleLevel, ...RuleLevel[]]),
    )
    .optional(),
}) satisfies z.ZodType<CtxmodConfig>;

/** The transform names a selection leaves, in canonical order (all of them without one). */
export function getConfiguredTransforms(selection: TransformSelection | undefined): string[] {
  const all = getTransformNames();
  if (selection === undefined) return all;
  if ('disable' in selection) return all.filter((name) => !selection.disable.includes(name));
  const enabled: readonly string[] = 'enable' in selection ? selection.enable : selection;
  return all.filter((name) => enabled.includes(name));
}

// `satisfies` checks that what the schema produces is assignable to the interfaces; these check
// the other way round, that the schema knows every key of the interfaces (an optional key added
// to CatalogEntry would otherwise be rejected in configs as unknown without a compile error).
export type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type DistributiveKeys<T> = T extends unknown ? keyof T : never;
export type Assert<T extends true> = T;
export type _SchemaMatchesCatalogTypes = [
  Assert<SameKeys<z.output<typeof catalogEntrySchema>, CatalogEntry>>,
  Assert<SameKeys<z.output<typeof signalSlotSchema>, SignalSlot>>,
  Assert<SameKeys<z.output<typeof configSchema>, CtxmodConfig>>,
  Assert<SameKeys<z.input<typeof configSchema>, CtxmodConfigInput>>,
  Assert<SameKeys<z.output<typeof threadSchema>, ThreadOptions>>,
  Assert<[SignalPosition['kind']] extends [z.output<typeof positionSchema>['kind']] ? true : false>,
  Assert<[DistributiveKeys<SignalPosition>] extends [DistributiveKeys<z.output<typeof positionSchema>>] ? true : false>,
];

// ---------------------------------------------------------------------------------------------
// Loading

/**
 * Loads the config for `cwd`: the explicit path if given (relative to cwd; an error if it does
 * not exist), else the first `ctxmod.config.json` or package.json with a `"ctxmod"` key found from
 * cwd upward, as eslint and prettier look: a directory's config file wins over its package.json,
 * and the search stops at the repository root (the directory holding `.git`) or the filesystem
 * root. Returns undefined when there is none. Throws ConfigError for unreadable, non-JSON or
 * invalid configs. An explicit path to a package.json reads its `"ctxmod"` key. Paths in the
 * config (`ignore`, a relative `thread.contextImport`) are relative to the config's directory.
 */
export async function loadConfig(cwd: string, explicitPath?: string): Promise<LoadedConfig | undefined> {
  const loaded = await findConfig(resolve(cwd), explicitPath);
  return loaded && { path: loaded.path, config: rebaseConfigPaths(loaded.config, dirname(loaded.path), resolve(cwd)) };
}

async function findConfig(cwd: string, explicitPath: string | undefined): Promise<LoadedConfig | undefined> {
  if (explicitPath !== undefined) {
    const path = resolve(cwd, explicitPath);
    const text = await readText(path, explicitPath);
    if (text === undefined) throw new ConfigError(explicitPath, 'config file not found');
    if (basename(path) === 'package.json') {
      return fromPackageJson(path, explicitPath, text) ?? { path, config: { catalog: [] } };
    }
    return { path, config: validate(explicitPath, parseJson(explicitPath, text), []) };
  }
  for (let dir = cwd; ; dir = dirname(dir)) {
    // Named as the user would reach it from where ctxmod runs: `ctxmod.config.json`, `../package.json`.
    const name = (file: string) => relative(cwd, join(dir, file)).split(sep).join('/');
    const configPath = join(dir, CONFIG_FILE);
    const configText = await readText(configPath, name(CONFIG_FILE));
    if (configText !== undefined) return { path: configPath, config: validate(name(CONFIG_FILE), parseJson(name(CONFIG_FILE), configText), []) };
    const packagePath = join(dir, 'package.json');
    const packageText = await readText(packagePath, name('package.json'));
    const fromPackage = packageText === undefined ? undefined : fromPackageJson(packagePath, name('package.json'), packageText);
    if (fromPackage) return fromPackage;
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

/**
 * The config with its paths made to work from `cwd`: `ignore` globs, which discovery matches
 * relative to cwd, become absolute under the config's directory; a relative `contextImport`,
 * which the thread pass resolves from cwd, is rewritten from there. A config in cwd is unchanged.
 */
function rebaseConfigPaths(config: CtxmodConfig, dir: string, cwd: string): CtxmodConfig {
  if (dir === cwd) return config;
  const toPosix = (path: string) => path.split(sep).join('/');
  const ignore = config.ignore?.map((glob) => {
    const negated = glob.startsWith('!');
    const body = negated ? glob.slice(1) : glob;
    return (negated ? '!' : '') + (isAbsolute(body) ? body : toPosix(join(dir, body)));
  });
  const contextImport = config.thread?.contextImport;
  const rebasedImport =
    contextImport?.startsWith('.') === true ? toPosix(relative(cwd, resolve(dir, contextImport))).replace(/^(?!\.\.?\/)/, './') : contextImport;
  return {
    ...config,
    ...(ignore ? { ignore } : {}),
    ...(config.thread && rebasedImport !== contextImport ? { thread: { ...config.thread, contextImport: rebasedImport! } } : {}),
  };
}

/** Validates an already-parsed config object (e.g. from a programmatic caller). */
export function parseConfig(data: unknown, file = CONFIG_FILE): CtxmodConfig {
  return validate(file, data, []);
}

function fromPackageJson(path: string, file: string, text: string): LoadedConfig | undefined {
  const pkg = parseJson(file, text);
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg) || !Object.hasOwn(pkg, PACKAGE_JSON_KEY)) return undefined;
  return { path, config: validate(file, (pkg as Record<string, unknown>)[PACKAGE_JSON_KEY], [PACKAGE_JSON_KEY]) };
}

/** The file's text, or undefined if it does not exist. */
async function readText(path: string, file: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new ConfigError(file, `cannot read: ${(error as Error).message}`);
  }
}

function parseJson(file: string, text: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(source);
  } catch (error) {
    let message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    if (position) {
      const offset = Number(position[1]);
      const before = source.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      message = `${message.slice(0, position.index).trimEnd()} (line ${line}, column ${column})`;
    } else if (/end of JSON input/.test(message)) {
      const lines = source.split('\n');
      message = `${message} (line ${lines.length}, column ${(lines.at(-1) ?? '').length + 1})`;
    }
    throw new ConfigError(file, `invalid JSON: ${message}`);
  }
}

/** Problems listed in one ConfigError; the rest are counted. */
const MAX_ISSUES = 10;

function validate(file: string, data: unknown, prefix: readonly PropertyKey[]): CtxmodConfig {
  const result = configSchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues;
  const messages = issues.flatMap((issue) => formatIssue(issue, prefix)).slice(0, MAX_ISSUES);
  if (issues.length > MAX_ISSUES) messages.push(`... and ${issues.length - MAX_ISSUES} more`);
  throw new ConfigError(file, messages);
}

/** `ctxmod.catalog[2].signal.position.kind: expected one of "index", ...`. */
function formatIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): string[] {
  const fullPrefix = [...prefix, ...issue.path];
  // A union (not discriminated) whose input has the type of one option: that option's problems
  // say more than "expected one of these shapes".
  if (issue.code === 'invalid_union' && issue.discriminator === undefined) {
    const branch = getMatchingBranch(issue.errors);
    if (branch) return branch.flatMap((inner) => formatIssue(inner, fullPrefix));
    return [`${formatPath(fullPrefix) || '(top level)'}: ${issue.message}, got ${describeValue(issue.input)}`];
  }
  return [`${formatPath(fullPrefix) || '(top level)'}: ${describeIssue(issue)}`];
}

/**
 * The union option with the fewest problems among those not rejecting the input's type outright;
 * none when two tie (the input is as far from one as from the other).
 */
function getMatchingBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | undefined {
  const typed = branches.filter((issues) => !issues.some((inner) => inner.path.length === 0 && inner.code === 'invalid_type'));
  const [best, next] = [...typed].sort((a, b) => a.length - b.length);
  return best && (!next || next.length > best.length) ? best : undefined;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `missing: expected ${article(issue.expected)}`;
      return `expected ${article(issue.expected)}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      return `expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(issue.input)}`;
    case 'invalid_key':
      return issue.issues[0]?.message ?? issue.message;
    case 'invalid_union': {
      if (issue.discriminator !== undefined && 'options' in issue && issue.options) {
        const parent = issue.input;
        const got = typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[issue.discriminator] : undefined;
        return `expected one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(got)}`;
      }
      return issue.message;
    }
    default:
      return issue.message;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

// ---------------------------------------------------------------------------------------------
// Applying

/**
 * Merges a config into options the caller (the CLI from its flags, or a script) already set.
 * The caller wins: explicit transforms replace the config's selection, `includeTests`, `targetNode`
 * and the `thread` keys set by the caller override the config's; `ignore` globs and catalog entries add up.
 */
export function applyConfig<T extends ConfigurableOptions>(
  options: T,
  config: CtxmodConfig | undefined,
): T & { readonly transforms: readonly string[] } {
  const transforms = options.transforms ?? getConfiguredTransforms(config?.transforms);
  if (!config) return { ...options, transforms };
  const given = options.transformOptions ?? {};
  const ignore = [...(config.ignore ?? []), ...(options.ignore ?? [])];
  const catalog = [...config.catalog, ...(given.catalog ?? [])];
  const targetNode = given.targetNode ?? config.targetNode;
  const includeTests = options.includeTests ?? config.includeTests;
  const thread = config.thread || given.thread ? { ...config.thread, ...given.thread } : undefined;
  return {
    ...options,
    transforms,
    ...(ignore.length > 0 ? { ignore } : {}),
    ...(includeTests === undefined ? {} : { includeTests }),
    transformOptions: {
      ...given,
      ...(catalog.length > 0 ? { catalog } : {}),
      ...(targetNode === undefined ? {} : { targetNode }),
      ...(thread === undefined ? {} : { thread }),
    },
  };
}
