import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

// The CI slice of `npm run torture`: a fixed, evenly spread few hundred files of node_modules.
it('ctxmod survives a slice of third-party code: no internal error, output parses, second run changes nothing', () => {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'torture.mjs'), '--limit', '300', '--cpus', '2'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  expect(result.stderr).toBe('');
  expect(result.stdout).toMatch(/^Corpus: 300 files/m);
  expect(result.stdout).toMatch(/^All assertions hold\.$/m);
  expect(result.status).toBe(0);
}, 300_000);
