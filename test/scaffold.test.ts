import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.ts';

/** Runs a node script in `cwd`, failing the test with its output when it exits non-zero. */
function runNode(cwd: string, args: readonly string[]): string {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 180_000 });
  expect(result.status, `${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

it('npm run new-transform scaffolds a transform that builds, is listed and runs on its fixture', () => {
  // A copy of the project, so that the scaffolder's writes never touch this checkout.
  const copy = tempDir('ctxmod-scaffold-');
  const skip = new Set(['node_modules', 'dist', '.git']);
  cpSync(ROOT, copy, { recursive: true, filter: (source) => !skip.has(relative(ROOT, source).split(/[\\/]/)[0]!) });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');

  runNode(copy, ['scripts/new-transform.mjs', 'demo-xform', 'Demo transform']);
  const registry = readFileSync(join(copy, 'src', 'registry.ts'), 'utf8');
  expect(registry).toContain("import * as demoXform from '../transforms/demo-xform.ts';\n");
  expect(registry).toMatch(/ {2}loopCheck,\n {2}demoXform,\n\];/);

  // The project's own build type-checks the scaffolded transform with the rest.
  runNode(copy, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
  expect(runNode(copy, ['bin/ctxmod.js', 'list'])).toMatch(/^demo-xform +Demo transform$/m);
  const run = runNode(copy, ['bin/ctxmod.js', 'run', 'demo-xform', '__testfixtures__/demo-xform/no-change-basic.input.ts', '--dry', '--json']);
  expect(JSON.parse(run).files).toEqual([
    { path: '__testfixtures__/demo-xform/no-change-basic.input.ts', status: 'unchanged', edits: [], manual: [] },
  ]);
  // A build of the whole project and three CLI runs: more than the default 60 s on a loaded machine.
}, 180_000);
