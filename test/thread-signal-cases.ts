/**
 * The thread-signal tree fixtures (__testfixtures__/thread-signal/<case>/: input/, output/,
 * findings.txt, options.json), in shards: each thread-signal-cases-<n>.test.ts file runs one,
 * so that Vitest's workers share them.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ts } from 'ts-morph';
import './shared-declaration-files.mjs';
import { describe, expect, it } from 'vitest';
import { computeThread } from '../src/thread/run-thread.ts';
import type { ThreadOptions } from '../src/thread/plan.ts';

export const ROOT = join(import.meta.dirname, '..', '__testfixtures__', 'thread-signal');
/** `UPDATE_THREAD_FIXTURES=1` rewrites the output trees (review them like code before committing). */
const UPDATE = process.env.UPDATE_THREAD_FIXTURES === '1';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out.sort();
}

/** The builder needs nothing of a host to compare programs (ts-morph sets the file versions it compares). */
const BUILDER_HOST: ts.BuilderProgramHost = {};
/**
 * The last program counted for each set of lib and types files and of the options that change
 * semantic diagnostics (TypeScript's own list of them): the builder reuses nothing from a
 * program whose options differ in one of those, so a case with `exactOptionalPropertyTypes`
 * would otherwise have every later case check the lib files again.
 */
const counted = new Map<string, ts.SemanticDiagnosticsBuilderProgram>();
/** Internal to TypeScript, but what its builder compares; without it the key is every option. */
const SEMANTIC_OPTIONS = (ts as unknown as { semanticDiagnosticsOptionDeclarations?: readonly { name: string }[] }).semanticDiagnosticsOptionDeclarations;

/**
 * The number of `ts.getPreEmitDiagnostics(program)`. Checking the lib and @types/node files takes
 * seconds, and they are the same in every program here, so TypeScript's own incremental builder
 * (what `tsc --watch` uses) decides which files' semantic diagnostics the previous count still
 * holds and checks only the others: the files that were added or changed and those they affect.
 * It tells files apart by path and version, and ts-morph gives every file it loads version 0: sound
 * here since each tree counted (a case's input, its output) has paths of its own.
 */
function countDiagnostics(program: ts.Program): number {
  const options = program.getCompilerOptions();
  const key = JSON.stringify(SEMANTIC_OPTIONS ? [options.lib, options.types, ...SEMANTIC_OPTIONS.map(({ name }) => options[name])] : options);
  const builder = ts.createSemanticDiagnosticsBuilderProgram(program, BUILDER_HOST, counted.get(key));
  counted.set(key, builder);
  const diagnostics = [
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...builder.getSemanticDiagnostics(),
    ...(program.getCompilerOptions().declaration || program.getCompilerOptions().composite ? program.getDeclarationDiagnostics() : []),
  ];
  return ts.sortAndDeduplicateDiagnostics(diagnostics).length;
}

function formatFindings(caseDir: string, files: ReturnType<typeof computeThread>['files']): string {
  const lines: string[] = [];
  for (const [name, file] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rel = relative(join(caseDir, 'input'), name);
    for (const f of file.findings) lines.push(`${rel}:${f.line}:${f.column} ${f.kind} ${f.message}`);
  }
  return lines.join('\n');
}

const cases = existsSync(ROOT) ? readdirSync(ROOT).sort() : [];

/** The cases of shard `shard` (from 0) of `shards`: every shards-th case. */
export function describeCases(shard: number, shards: number): void {
  describe.each(cases.filter((_, index) => index % shards === shard))('thread-signal/%s', (name) => {
    const caseDir = join(ROOT, name);
    const inputDir = join(caseDir, 'input');
    const outputDir = join(caseDir, 'output');
    const tsconfig = join(inputDir, 'tsconfig.json');
    const optionsPath = join(caseDir, 'options.json');
    const options: ThreadOptions = existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {};

    it('produces the output tree, the findings, and no new type errors; a second run changes nothing', () => {
      const { files, program } = computeThread({ ...options, project: tsconfig });
      const changed = new Map<string, string>();
      for (const [file, result] of files) {
        expect(result.error).toBeUndefined();
        if (result.after !== undefined && result.after !== result.before) changed.set(file, result.after);
      }
      if (UPDATE) {
        rmSync(outputDir, { recursive: true, force: true });
        cpSync(inputDir, outputDir, { recursive: true });
        for (const [file, text] of changed) writeFileSync(join(outputDir, relative(inputDir, file)), text);
        mkdirSync(dirname(join(caseDir, 'findings.txt')), { recursive: true });
        writeFileSync(join(caseDir, 'findings.txt'), `${formatFindings(caseDir, files)}\n`);
      }
      const inputs = listFiles(inputDir).map((file) => relative(inputDir, file));
      expect(listFiles(outputDir).map((file) => relative(outputDir, file))).toEqual(inputs);
      for (const rel of inputs) {
        const actual = changed.get(join(inputDir, rel)) ?? readFileSync(join(inputDir, rel), 'utf8');
        expect(actual, rel).toBe(readFileSync(join(outputDir, rel), 'utf8'));
      }
      expect(formatFindings(caseDir, files)).toBe(readFileSync(join(caseDir, 'findings.txt'), 'utf8').trimEnd());

      // Idempotent: the output tree is a fixed point.
      const again = computeThread({ ...options, project: join(outputDir, 'tsconfig.json') });
      for (const [file, result] of again.files) {
        expect(result.after ?? result.before, relative(outputDir, file)).toBe(result.before);
      }

      // The output (the input with the edits, as compared above) type-checks at least as well as the input.
      const before = countDiagnostics(program);
      expect(countDiagnostics(again.program)).toBeLessThanOrEqual(before);
    });
  });
}
