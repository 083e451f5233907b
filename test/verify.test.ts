/** The --verify type check on its own: which changed files it leaves out, and why. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyChanges } from '../src/engine/verify.ts';
import { writeProject } from './helpers.ts';

const TSCONFIG = JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, types: [] }, include: ['src'] });

/** A project of `files` (and TSCONFIG) checked with src/a.ts edited to `text`. */
function verifyEditOfA(files: Record<string, string>, text: string) {
  const dir = writeProject({ 'tsconfig.json': TSCONFIG, ...files });
  const a = join(dir, 'src/a.ts');
  return { dir, a, outcome: verifyChanges(join(dir, 'tsconfig.json'), new Map([[a, text]])) };
}

/** The rejection note of an argument type error at `line` of the unchanged `file`. */
const brokeIn = (dir: string, file: string, line: number) => expect.stringMatching(new RegExp(`^in ${join(dir, file)}: ${line}:\\d+ TS2345: `));

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
    expect(outcome).toMatchObject({ before: 0, after: 0, files: 2 });
    // Three programs type-checked: slow on a loaded machine.
  }, 180_000);

  it('checks again the files that import a changed file through others, and those alone', () => {
    const { dir, a, outcome } = verifyEditOfA(
      {
        'src/a.ts': 'export function get(id: string) {\n  return id;\n}\n',
        // b re-exports a; c calls through b: two levels above the changed file.
        'src/b.ts': "export { get } from './a';\n",
        'src/c.ts': "import { get } from './b';\n\nexport const ids = ['1'].map(get);\n",
        // Unrelated, with an error of its own: not checked, not counted.
        'src/d.ts': 'export const n: number = "1";\n',
      },
      'export function get(id: string, signal?: AbortSignal) {\n  return id;\n}\n',
    );
    expect([...outcome.rejected.keys()]).toEqual([a]);
    expect(outcome.rejected.get(a)).toEqual([brokeIn(dir, 'src/c.ts', 3)]);
    // Counted over what the edits kept reach: a, put back, alone.
    expect(outcome).toMatchObject({ before: 0, after: 0, files: 1 });
  }, 180_000);

  it('checks every file when a changed file is a script, whose declarations are global', () => {
    const { dir, a, outcome } = verifyEditOfA(
      {
        // No import or export: get() is global, and c.ts uses it without importing anything.
        'src/a.ts': 'function get(id: string) {\n  return id;\n}\n',
        'src/c.ts': "export const ids = ['1'].map(get);\n",
      },
      'function get(id: string, signal?: AbortSignal) {\n  return id;\n}\n',
    );
    expect([...outcome.rejected.keys()]).toEqual([a]);
    expect(outcome.rejected.get(a)).toEqual([brokeIn(dir, 'src/c.ts', 1)]);
    expect(outcome.files).toBeUndefined();
  }, 180_000);

  it('checks a file whose edits stay inside function bodies alone: its importers see the same declarations', () => {
    const files = {
      'src/a.ts': 'export async function poll(signal: AbortSignal) {\n  for (;;) {\n    await tick();\n  }\n}\nasync function tick() {}\n',
      // An importer with an error of its own: not checked, not counted.
      'src/c.ts': "import { poll } from './a';\n\nexport const n: number = poll;\n",
    };
    const edited = files['src/a.ts'].replace('    await', '    signal.throwIfAborted();\n    await');
    expect(verifyEditOfA(files, edited).outcome).toEqual({ before: 0, after: 0, files: 1, rejected: new Map() });
    // The same edit with a type error of its own is still caught.
    const { a, outcome } = verifyEditOfA(files, edited.replace('signal.throwIfAborted()', 'signal.throwIfAborted(1)'));
    expect([...outcome.rejected.keys()]).toEqual([a]);
  }, 180_000);
});
