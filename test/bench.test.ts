import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

// The CI smoke run of `npm run bench` (N = 100, one run) so that the benchmark cannot rot.
// It asserts that every measurement ran, nothing about time.
it('the benchmark runs every measurement on a small generated project', () => {
  const result = spawnSync(process.execPath, [join(ROOT, 'bench', 'run.mjs'), '--smoke'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/^### generated, N=100 \(\d+ files\)$/m);
  const rows = result.stdout.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Measurement'));
  const labels = rows.map((line) => (line.split(' | ')[0] ?? '').slice(2));
  expect(labels).toEqual([
    'jscodeshift, parse-only transform (1)',
    'jscodeshift, no-parse transform (floor)',
    expect.stringMatching(/^ctxmod migrate( --no-thread)?( --include-tests)? \(2\)$/),
    'tsc --noEmit -p (3)',
    'ctxmod thread pass alone (4)',
    'ast-grep scan, one pattern (ref.)',
  ]);
  // Every row that can run here ran and exited as expected; the others say why not.
  for (const row of rows) expect(row).toMatch(/\| ok \(0\) \|$|\| not available \|/);
  // The project has something for the transforms to do.
  expect(result.stderr).toMatch(/ctxmod-migrate run 1\/1/);
}, 120_000);
