import { existsSync, readFileSync } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';

export const DEFAULT_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'] as const;

/** Never worth visiting: dependencies, VCS data, declaration files. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts'];

/** Directories the walk never enters. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export const OUTSIDE_TARGET_REASON = 'symbolic link to a file outside the paths given; not followed (--follow-symlinks follows it)';
export const NOT_REGULAR_REASON = 'not a regular file';

/** A file discovery left out (a link out of the target, a FIFO): no pass may touch it. */
export function isDiscoverySkip(reason: string | undefined): boolean {
  return reason === OUTSIDE_TARGET_REASON || reason?.startsWith(NOT_REGULAR_REASON) === true;
}

export interface DiscoverOptions {
  readonly cwd: string;
  readonly extensions?: readonly string[];
  /** Globs (relative to cwd) of paths to leave out, on top of node_modules and .gitignore. */
  readonly ignore?: readonly string[];
  /**
   * Walk into symbolically linked directories and take linked files wherever they point. Off by
   * default, as in git, ripgrep and prettier: a link must not make ctxmod write outside the
   * paths the user gave, nor walk a directory twice.
   */
  readonly followSymlinks?: boolean;
}

export class PathNotFoundError extends Error {
  constructor(readonly paths: readonly string[]) {
    super(`path not found: ${paths.join(', ')}`);
    this.name = 'PathNotFoundError';
  }
}

/**
 * Paths given that yield no file to visit: a glob that matches none, a directory with none of the
 * extensions. As in eslint, a command line that names nothing to work on is a usage error, not
 * an empty success a CI gate would wave through.
 */
export class NoFilesMatchedError extends Error {
  constructor(readonly patterns: readonly string[]) {
    super(`no files matching ${patterns.map((pattern) => JSON.stringify(pattern)).join(', ')} (with the extensions visited)`);
    this.name = 'NoFilesMatchedError';
  }
}

/** What discovery found: files to process, and paths it left out or could not read. */
export interface Discovery {
  /** Real absolute paths (symbolic links resolved), sorted, each once. */
  readonly files: readonly string[];
  /** Left out on purpose, with the reason (absolute paths as found). */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  /** Directories that could not be read (absolute paths). */
  readonly errors: readonly { readonly path: string; readonly message: string }[];
}

const toPosix = (path: string) => path.split(sep).join('/');

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

const isWithin = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * Expands the inputs into the files to process. A file is taken once, by its real path. A
 * symbolic link found by the walk or a glob is taken only when its real path lies inside the
 * paths given (a directory given, or a file also found there); a linked directory is not entered.
 * Unreadable directories and non-regular files named on the command line are reported, not
 * silently dropped (reading a FIFO would block the run forever).
 */
export async function discover(inputs: readonly string[], options: DiscoverOptions): Promise<Discovery> {
  const cwd = resolve(options.cwd);
  const follow = options.followSymlinks === true;
  const extensions = (options.extensions ?? DEFAULT_EXTENSIONS).map((ext) => ext.replace(/^\./, ''));
  const hasExtension = (path: string) => extensions.some((ext) => path.endsWith(`.${ext}`));
  // Absolute globs (a config's, made so from its own directory) match absolute paths; relative
  // ones match paths from cwd only, so that `**/x/**` cannot match a directory above cwd.
  const [absoluteGlobs, relativeGlobs] = partition(options.ignore ?? [], (glob) => isAbsolute(glob.replace(/^!/, '')));
  const userIgnored = picomatch([...ALWAYS_IGNORED, ...relativeGlobs], { dot: true });
  const absoluteIgnored = absoluteGlobs.length > 0 ? picomatch(absoluteGlobs, { dot: true }) : () => false;
  const gitignore = new GitignoreCache(cwd);

  const roots: string[] = [];
  const found = new Set<string>();
  const links: string[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const errors: { path: string; message: string }[] = [];
  const missing: string[] = [];
  // Files each input yields, counted before the sets merge them (a file given twice matched twice).
  let matched = 0;
  const take = async (path: string, isLink: boolean) => {
    matched++;
    if (!isLink) found.add(path);
    else if (follow) {
      const real = await getRealPath(path);
      if (real !== undefined) found.add(real);
    } else links.push(path);
  };

  const unmatched: string[] = [];
  for (const input of inputs) {
    const before = matched + skipped.length + errors.length;
    const absolute = resolve(cwd, input);
    if (existsSync(absolute)) {
      const real = await realpath(absolute);
      const stats = await stat(real);
      if (stats.isDirectory()) {
        roots.push(real);
        await walk(real, follow, hasExtension, take, (path, message) => errors.push({ path, message }));
      } else if (stats.isFile()) {
        // A file named explicitly is taken even without a default extension...
        matched++;
        found.add(real);
      } else {
        skipped.push({ path: absolute, reason: `${NOT_REGULAR_REASON} (${getKind(stats)})` });
      }
    } else if (isDynamicPattern(input)) {
      const files = await glob(input, { cwd, absolute: true, dot: true, followSymbolicLinks: follow, ignore: ['**/node_modules/**', '**/.git/**'] });
      for (const file of files) {
        if (hasExtension(file)) await take(resolve(file), (await lstat(file)).isSymbolicLink());
      }
    } else {
      missing.push(input);
      continue;
    }
    // Counted before the ignore globs: a path whose files are all ignored was still matched.
    if (matched + skipped.length + errors.length === before) unmatched.push(input);
  }
  if (missing.length > 0) throw new PathNotFoundError(missing);
  if (unmatched.length > 0) throw new NoFilesMatchedError(unmatched);

  // A link is as good as its target when that target is among the paths given.
  for (const link of links) {
    const real = await getRealPath(link);
    if (real !== undefined && (found.has(real) || roots.some((root) => isWithin(root, real)))) found.add(real);
    else skipped.push({ path: link, reason: OUTSIDE_TARGET_REASON });
  }

  const files = [...found]
    .filter((file) => {
      const rel = toPosix(relative(cwd, file));
      // ...but node_modules, declaration files, --ignore and .gitignore apply to every file.
      const matchPath = isAbsolute(rel) || rel.startsWith('../') ? toPosix(file) : rel;
      return !userIgnored(matchPath) && !absoluteIgnored(toPosix(file)) && !gitignore.isIgnored(file);
    })
    .sort();
  return { files, skipped, errors };
}

/**
 * Depth-first walk of `root`, a real path (iterative: a deep tree cannot overflow the stack).
 * Linked directories are entered only with `follow`, by their real path, each directory once, so
 * loops end.
 */
async function walk(
  root: string,
  follow: boolean,
  hasExtension: (path: string) => boolean,
  take: (path: string, isLink: boolean) => Promise<void>,
  onError: (path: string, message: string) => void,
): Promise<void> {
  const seen = new Set<string>([root]);
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      onError(dir, `cannot read directory: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !seen.has(path)) {
          seen.add(path);
          pending.push(path);
        }
      } else if (entry.isFile()) {
        if (hasExtension(entry.name)) await take(path, false);
      } else if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => undefined);
        if (target?.isFile() && hasExtension(entry.name)) await take(path, true);
        else if (target?.isDirectory() && follow && !SKIPPED_DIRECTORIES.has(entry.name)) {
          const real = await getRealPath(path);
          if (real !== undefined && !seen.has(real)) {
            seen.add(real);
            pending.push(real);
          }
        }
      }
    }
  }
}

async function getRealPath(path: string): Promise<string | undefined> {
  return realpath(path).catch(() => undefined);
}

function getKind(stats: import('node:fs').Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a file or directory';
}

/**
 * `.gitignore` rules as git applies them: every `.gitignore` from the file's directory up to the
 * repository root (the first directory holding `.git`), each relative to its own directory.
 */
class GitignoreCache {
  private readonly rules = new Map<string, Ignore | null>();
  private readonly roots = new Map<string, string>();

  /** Outside a repository, `.gitignore` files count from `cwd` down. */
  constructor(private readonly cwd: string) {}

  isIgnored(file: string): boolean {
    const root = this.getRepoRoot(dirname(file));
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      const rules = this.getRules(dir);
      if (rules) {
        const rel = toPosix(relative(dir, file));
        if (rules.ignores(rel)) return true;
      }
      if (dir === root || dirname(dir) === dir) return false;
    }
  }

  private getRepoRoot(start: string): string {
    const cached = this.roots.get(start);
    if (cached !== undefined) return cached;
    let root = start;
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, '.git'))) {
        root = dir;
        break;
      }
      if (dirname(dir) === dir) {
        const rel = relative(this.cwd, start);
        root = rel.startsWith('..') || isAbsolute(rel) ? start : this.cwd;
        break;
      }
    }
    this.roots.set(start, root);
    return root;
  }

  private getRules(dir: string): Ignore | null {
    let rules = this.rules.get(dir);
    if (rules === undefined) {
      const file = join(dir, '.gitignore');
      rules = existsSync(file) ? ignore().add(readFileSync(file, 'utf8')) : null;
      this.rules.set(dir, rules);
    }
    return rules;
  }
}
