/** The --verify type check on its own: which changed files it leaves out, and why. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyChanges } from '../src/engine/verify.ts';
import { writeProject } from './helpers.ts';

const TSCONFIG = JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, types: [] }, include: ['src'] });

describe('verifyChanges', () => {
  it('leaves out a changed file that only type-checks with the edits of a file it left out', () => {
    const dir = writeProject({
      'tsconfig.json': TSCONFIG,
      'src/a.ts': 'export function get(id: string) {\n  return id;\n}\n',
      'src/b.ts': "import { get } from './a';\n\nexport const x = get('1');\n",
    });
    const a = join(dir, 'src/a.ts');
    const b = join(dir, 'src/b.ts');
    // a's edit adds a type error of its own; b's call only fits a's new signature.
    const outcome = verifyChanges(
      join(dir, 'tsconfig.json'),
      new Map([
        [a, 'export function get(id: string, signal?: AbortSignal) {\n  const n: number = id;\n  return id;\n}\n'],
        [b, "import { get } from './a';\n\nexport const x = get('1', AbortSignal.timeout(1));\n"],
      ]),
    );
    expect([...outcome.rejected.keys()].sort()).toEqual([a, b]);
    expect(outcome.rejected.get(a)).toEqual([expect.stringMatching(/^2:9 TS2322: /)]);
    expect(outcome.rejected.get(b)).toEqual([expect.stringMatching(/^3:\d+ TS2554: Expected 1 arguments, but got 2\.$/)]);
    expect(outcome).toMatchObject({ before: 0, after: 0 });
    // Three programs type-checked: slow on a loaded machine.
  }, 180_000);
});
