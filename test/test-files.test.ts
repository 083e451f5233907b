import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTestFile, partitionTestFiles } from '../src/engine/test-files.ts';

const CWD = join('/', 'work', 'repo');
const at = (...segments: string[]) => join(CWD, ...segments);

describe('isTestFile', () => {
  it.each([
    ['src/poll.test.ts', true],
    ['src/poll.spec.js', true],
    ['src/poll.test-d.ts', false],
    ['src/__tests__/poll.ts', true],
    ['test/poll.ts', true],
    ['packages/a/tests/fixtures/poll.mjs', true],
    ['src/testing/poll.ts', false],
    ['src/contest.ts', false],
    ['src/attest/poll.ts', false],
  ])('%s: %s', (path, expected) => {
    expect(isTestFile(at(...path.split('/')), CWD)).toBe(expected);
  });

  it('only the path below cwd counts: a project inside a test/ directory is not all tests', () => {
    const cwd = join('/', 'home', 'me', 'test', 'app');
    expect(isTestFile(join(cwd, 'src', 'poll.ts'), cwd)).toBe(false);
    expect(isTestFile(join(cwd, 'test', 'poll.ts'), cwd)).toBe(true);
    // Outside cwd: the path below the common parent.
    expect(isTestFile(join('/', 'home', 'me', 'test', 'lib', 'poll.ts'), cwd)).toBe(false);
    expect(isTestFile(join('/', 'home', 'me', 'test', 'lib', 'tests', 'poll.ts'), cwd)).toBe(true);
  });

  it('partitionTestFiles counts what it leaves out, and leaves nothing out with includeTests', () => {
    const files = [at('src', 'a.ts'), at('src', 'a.test.ts'), at('tests', 'b.ts')];
    expect(partitionTestFiles(files, CWD, false)).toEqual({ files: [at('src', 'a.ts')], testFiles: 2 });
    expect(partitionTestFiles(files, CWD, true)).toEqual({ files, testFiles: 0 });
  });
});
