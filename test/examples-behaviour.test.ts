/**
 * Proving the migration: each entry point of the demo service in examples/ is run with a signal
 * that is aborted (expectCancels from ctxmod/testing). Unmigrated, it keeps going and leaves a
 * socket or timer behind: the bug is real. After `ctxmod migrate` on a copy, it rejects with the
 * abort at once and leaves nothing: the migration fixed it.
 *
 * The cases are one table, test/examples-behaviour/cases.mjs; each runs in its own worker thread
 * (run-case.mjs) so leftovers of the unmigrated code cannot affect another case. Runs the built
 * bin and dist/ (`npm test` builds first).
 */
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, spawnCtxmod } from './helpers.ts';
import { startSlowServer, type SlowServer } from './slow-server.ts';

interface Case {
  name: string;
  module: string;
  leaksBefore: string;
  fixedBy: string[];
}
interface Verdict {
  passed: boolean;
  message: string;
  leaked: Record<string, number>;
}

const CASES_PATH = join(import.meta.dirname, 'examples-behaviour', 'cases.mjs');
const RUNNER = join(import.meta.dirname, 'examples-behaviour', 'run-case.mjs');
const { CASES, UNCOVERED } = (await import(pathToFileURL(CASES_PATH).href)) as { CASES: Case[]; UNCOVERED: Record<string, string> };
const TESTING = pathToFileURL(join(ROOT, 'dist', 'src', 'testing', 'index.js')).href;
const OPTIONS = { abortAfterMs: 50, withinMs: 300, settleMs: 300 };

/** Compiles the TypeScript files of `from` into `to` (./x.ts imports become ./x.js). */
function compile(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from).filter((name) => name.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(join(from, file), 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, rewriteRelativeImportExtensions: true },
    });
    writeFileSync(join(to, file.replace(/\.ts$/, '.js')), outputText);
  }
}

let work: string;
let server: SlowServer;
let migrateSummary: { files: number; changed: number; errors: number };

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ctxmod-examples-'));
  writeFileSync(join(work, 'package.json'), JSON.stringify({ type: 'module', engines: { node: '>=20.19' } }));
  mkdirSync(join(work, 'scratch'));
  cpSync(join(ROOT, 'examples', 'src'), join(work, 'src-before'), { recursive: true });
  cpSync(join(ROOT, 'examples', 'src'), join(work, 'src-after'), { recursive: true });
  // The examples' tsconfig, so that migrate runs thread-signal too (with @types/node from here).
  const tsconfig = JSON.parse(readFileSync(join(ROOT, 'examples', 'tsconfig.json'), 'utf8'));
  tsconfig.compilerOptions.typeRoots = [join(ROOT, 'node_modules', '@types')];
  writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({ ...tsconfig, include: ['src-after'] }));
  // In a process of its own: the cases below measure timers and handles to the millisecond, with
  // no CLI left in this one.
  const migrated = spawnCtxmod(['migrate', 'src-after', '--json'], work);
  expect(migrated.status, migrated.stderr).toBe(0);
  migrateSummary = (JSON.parse(migrated.stdout) as { summary: typeof migrateSummary }).summary;
  compile(join(work, 'src-before'), join(work, 'before'));
  compile(join(work, 'src-after'), join(work, 'after'));
  server = await startSlowServer();
});

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs case `index` against the compiled `variant` in a fresh worker thread. */
async function runCase(index: number, variant: 'before' | 'after'): Promise<Verdict> {
  const worker = new Worker(RUNNER, {
    workerData: { caseIndex: index, examples: join(work, variant), testing: TESTING, origin: server.origin, dir: join(work, 'scratch'), options: OPTIONS },
  });
  try {
    const [verdict] = (await Promise.race([once(worker, 'message'), once(worker, 'error').then(([error]) => Promise.reject(error))])) as [Verdict];
    return verdict;
  } finally {
    await worker.terminate();
  }
}

it('ctxmod migrate changes the examples without errors', () => {
  expect(migrateSummary.errors).toBe(0);
  expect(migrateSummary.changed).toBeGreaterThanOrEqual(4);
});

it('every example module has a case (or says in UNCOVERED why not)', () => {
  const modules = readdirSync(join(ROOT, 'examples', 'src')).map((file) => file.replace(/\.ts$/, '.js'));
  const covered = new Set([...CASES.map((row) => row.module), ...Object.keys(UNCOVERED)]);
  expect(modules.filter((module) => !covered.has(module))).toEqual([]);
});

describe.each(CASES.map((row, index) => ({ ...row, index })))('$name', ({ index, leaksBefore, fixedBy }) => {
  it(`fails before migration, leaving a ${leaksBefore} behind`, async () => {
    const verdict = await runCase(index, 'before');
    expect(verdict.passed, 'the unmigrated example cancelled cleanly: this case proves nothing').toBe(false);
    expect(verdict.message).toContain('the run did not cancel cleanly');
    expect(Object.keys(verdict.leaked)).toContain(leaksBefore);
  });

  it(`passes after migration (${fixedBy.join(', ')})`, async () => {
    const verdict = await runCase(index, 'after');
    expect(verdict.message).toBe('');
    expect(verdict).toMatchObject({ passed: true, leaked: {} });
  });
});
