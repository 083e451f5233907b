import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSarifValidator } from '../scripts/validate-sarif.mjs';
import { ctxmod, ROOT, writeProject } from './helpers.ts';

const WORKFLOW = readFileSync(join(ROOT, 'docs/ci/code-scanning.yml'), 'utf8');
const PRE_COMMIT = readFileSync(join(ROOT, 'docs/ci/pre-commit.md'), 'utf8');

/** The arguments of a documented `npx ctxmod ...` command line, to run with the built bin. */
function getArgs(line: string): string[] {
  const match = /npx ctxmod ([^"\n]+)/.exec(line);
  if (!match) throw new Error(`no ctxmod command in ${line}`);
  return match[1]!.trim().split(/\s+/);
}

const BROKEN = 'export async function load(url: string, signal: AbortSignal) {\n  return fetch(url);\n}\n';
const CLEAN = 'export async function load(url: string, signal: AbortSignal) {\n  return fetch(url, { signal });\n}\n';

describe('the CI examples in docs/ci run as written', () => {
  it('code-scanning.yml: the check writes the SARIF log the upload step names, and fails the job after it', () => {
    const run = WORKFLOW.split('\n').find((line) => line.includes('npx ctxmod check'))!;
    const args = getArgs(run);
    const sarifFile = /sarif_file: (\S+)/.exec(WORKFLOW)![1]!;
    expect(args).toContain('sarif');
    expect(args[args.indexOf('--output') + 1]).toBe(sarifFile);
    expect(WORKFLOW).toContain('uses: github/codeql-action/upload-sarif@');
    const dir = writeProject({ 'src/api.ts': BROKEN });
    const result = ctxmod(args, dir);
    expect(result.status).toBe(1);
    const log = JSON.parse(readFileSync(join(dir, sarifFile), 'utf8'));
    expect(getSarifValidator()(log)).toEqual([]);
    expect(log.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual(['unforwarded-signal']);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'src/api.ts', uriBaseId: 'SRCROOT' });
  });

  it.each([
    ['lint-staged', /"(ctxmod check [^"]+)"/],
    ['pre-commit', /entry: npx (ctxmod check .+)/],
  ])('%s: the hook stops a commit of a broken file and lets a clean one through', (_, pattern) => {
    const args = getArgs(`npx ${pattern.exec(PRE_COMMIT)![1]!}`);
    const dir = writeProject({ 'broken.ts': BROKEN, 'clean.ts': CLEAN });
    // Hooks append the staged paths.
    const broken = ctxmod([...args, 'broken.ts', 'clean.ts'], dir);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('broken.ts:2:10  error');
    expect(ctxmod([...args, 'clean.ts'], dir).status).toBe(0);
  });
});
