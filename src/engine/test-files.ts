import { isAbsolute, relative, sep } from 'node:path';
import picomatch from 'picomatch';

/**
 * Where tests live by the usual conventions (Jest, Vitest, Mocha, node:test): `*.test.*`,
 * `*.spec.*`, and anything under a `__tests__`, `test` or `tests` directory.
 */
const TEST_FILE_GLOBS = ['**/*.test.*', '**/*.spec.*', '**/__tests__/**', '**/test/**', '**/tests/**'];

const matchesTestGlob = picomatch(TEST_FILE_GLOBS, { dot: true });

/**
 * True for a test file. Tests exercise abort on purpose (abort, then drain; abort, then expect the
 * loop to end quietly), so the transforms that change control flow must not touch them unless
 * asked to. Only the part of the path below `cwd` counts: a project checked out under a `test/`
 * directory is not all tests. A file outside `cwd` is judged by its path below the common parent.
 */
export function isTestFile(absolutePath: string, cwd: string): boolean {
  const rel = relative(cwd, absolutePath);
  const inside = isAbsolute(rel) ? absolutePath.split(sep).pop() ?? '' : rel;
  const path = inside.split(sep).filter((segment) => segment !== '..').join('/');
  return matchesTestGlob(path);
}

/** The files to visit and the number of test files left out (none when `includeTests`). */
export function partitionTestFiles(files: readonly string[], cwd: string, includeTests: boolean): { files: string[]; testFiles: number } {
  if (includeTests) return { files: [...files], testFiles: 0 };
  const kept = files.filter((file) => !isTestFile(file, cwd));
  return { files: kept, testFiles: files.length - kept.length };
}
