import { execFile } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

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

/** The repository's top directory, or undefined outside a git work tree (or without git). */
export async function getRepoRoot(cwd: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--show-toplevel'], { cwd });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Which of `files` (absolute) have uncommitted changes, staged or not, or are untracked: writing
 * over them would mix ctxmod's edits with the user's and make the migration impossible to revert
 * on its own. One `git status` for the whole repository, then a set lookup per file.
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
  return files.filter((file) => dirty.has(resolve(file))).map((file) => relative(root, file).split(sep).join('/'));
}
