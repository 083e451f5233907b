import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

// ts-morph takes most of a second to load; only --verify needs it, so no other run may pay for it.
it('loading the CLI and the engine does not load ts-morph', () => {
  const modules = ['dist/src/cli/main.js', 'dist/src/engine/run.js', 'dist/src/index.js'].map((file) => pathToFileURL(join(ROOT, file)).href);
  const script = `
    import { createRequire } from 'node:module';
    for (const url of ${JSON.stringify(modules)}) await import(url);
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('ts-morph'));
    console.log(JSON.stringify(loaded));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout)).toEqual([]);
});
