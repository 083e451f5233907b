import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';

export const DEFAULT_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'] as const;

/** Never worth visiting: dependencies, VCS data, declaration files. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts'];

export interface DiscoverOptions {
  readonly cwd: string;
  readonly extensions?: readonly string[];
  /** Globs (relative to cwd) of paths to leave out, on top of node_modules and .gitignore. */
  readonly ignore?: readonly string[];
}

export class PathNotFoundError extends Error {
  constructor(readonly paths: readonly string[]) {
    super(`path not found: ${paths.join(', ')}`);
    this.name = 'PathNotFoundError';
  }
}

const toPosix = (path: string) => path.split(sep).join('/');

/** Absolute paths of the files to process, sorted, each once. */
export async function discoverFiles(inputs: readonly string[], options: DiscoverOptions): Promise<string[]> {
  const cwd = resolve(options.cwd);
  const extensions = (options.extensions ?? DEFAULT_EXTENSIONS).map((ext) => ext.replace(/^\./, ''));
  const extPattern = extensions.length === 1 ? `*.${extensions[0]}` : `*.{${extensions.join(',')}}`;
  const hasExtension = (path: string) => extensions.some((ext) => path.endsWith(`.${ext}`));
  const userIgnored = picomatch([...ALWAYS_IGNORED, ...(options.ignore ?? [])], { dot: true });
  const gitignore = new GitignoreCache(cwd);

  const found = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    if (existsSync(absolute)) {
      if (statSync(absolute).isDirectory()) {
        const files = await glob(`**/${extPattern}`, {
          cwd: absolute,
          absolute: true,
          dot: true,
          ignore: ['**/node_modules/**', '**/.git/**'],
        });
        for (const file of files) found.add(resolve(file));
      } else {
        // A file named explicitly is taken even without a default extension...
        found.add(absolute);
      }
    } else if (isDynamicPattern(input)) {
      const files = await glob(input, { cwd, absolute: true, dot: true, ignore: ['**/node_modules/**', '**/.git/**'] });
      for (const file of files) if (hasExtension(file)) found.add(resolve(file));
    } else {
      missing.push(input);
    }
  }
  if (missing.length > 0) throw new PathNotFoundError(missing);

  return [...found]
    .filter((file) => {
      const rel = toPosix(relative(cwd, file));
      // ...but node_modules, declaration files, --ignore and .gitignore apply to every file.
      const matchPath = isAbsolute(rel) || rel.startsWith('../') ? toPosix(file) : rel;
      return !userIgnored(matchPath) && !gitignore.isIgnored(file);
    })
    .sort();
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
