import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const GIT_CONCURRENCY = 8;

export class DirtyFilesError extends Error {
  constructor(readonly files: readonly string[]) {
    const shown = files.slice(0, 20).map((file) => `  ${file}`);
    if (files.length > 20) shown.push(`  ... and ${files.length - 20} more`);
    super(
      `refusing to write: ${files.length} file${files.length === 1 ? ' has' : 's have'} uncommitted changes:\n` +
        `${shown.join('\n')}\nCommit or stash them so the migration can be reviewed and reverted on its own, or pass --force.`,
    );
    this.name = 'DirtyFilesError';
  }
}

/** The top directory of the repository `dir` belongs to, or undefined outside a git work tree (or without git). */
export async function getRepoRoot(dir: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['-C', dir, 'rev-parse', '--show-toplevel']);
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Files (absolute) grouped by the repository they belong to, and those in none. */
export interface RepositoryGroups {
  readonly repositories: ReadonlyMap<string, string[]>;
  readonly outside: readonly string[];
}

/**
 * Asks git which repository each file is in, once per directory: the files of one run may lie in
 * several repositories (nested ones, submodules, paths given from outside), none of them
 * necessarily the one around the current directory.
 */
export async function groupByRepository(files: readonly string[]): Promise<RepositoryGroups> {
  const dirs = [...new Set(files.map((file) => dirname(file)))];
  const roots = new Map<string, string | undefined>();
  // A few git processes at a time: one per directory, not one after the other, nor thousands at once.
  for (let start = 0; start < dirs.length; start += GIT_CONCURRENCY) {
    const batch = dirs.slice(start, start + GIT_CONCURRENCY);
    const tops = await Promise.all(batch.map((dir) => getRepoRoot(dir)));
    batch.forEach((dir, index) => roots.set(dir, tops[index]));
  }
  const repositories = new Map<string, string[]>();
  const outside: string[] = [];
  for (const file of files) {
    const top = roots.get(dirname(file));
    if (top === undefined) {
      outside.push(file);
      continue;
    }
    const root = resolve(top);
    const inRoot = repositories.get(root) ?? [];
    inRoot.push(file);
    repositories.set(root, inRoot);
  }
  return { repositories, outside };
}

/**
 * Which of `files` (absolute, all in the repository at `root`) have uncommitted changes, staged
 * or not, or are untracked: writing over them would mix ctxmod's edits with the user's and make
 * the migration impossible to revert on its own. One `git status` for the whole repository, then
 * a set lookup per file. Returns absolute paths.
 */
export async function getDirtyFiles(root: string, files: readonly string[]): Promise<string[]> {
  const { stdout } = await run('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], {
    cwd: root,
    maxBuffer: 256 * 1024 * 1024,
  });
  const dirty = new Set<string>();
  const entries = stdout.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as string;
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    dirty.add(resolve(root, entry.slice(3)));
    // A rename or copy is followed by its source path as the next entry.
    if (status.includes('R') || status.includes('C')) i++;
  }
  return files.filter((file) => dirty.has(resolve(file)));
}
