/**
 * `migrate --interactive` against the real bin and real git, answers scripted on stdin.
 * `npm test` builds dist/ first (pretest).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processSource } from '../src/engine/process-source.ts';
import { transforms } from '../src/registry.ts';
import { BIN, CLIENT, ctxmod, git, HANDLER, spawnCtxmod, TSCONFIG, writeRepo } from './helpers.ts';

/** Two sleeps far enough apart to make two hunks; the first hunk also holds the new import. */
const TWO_SLEEPS = [
  'export async function poll1(signal: AbortSignal) {',
  '  await new Promise((r) => setTimeout(r, 1));',
  '}',
  ...Array.from({ length: 8 }, (_, i) => `// ${i}`),
  'export async function poll2(signal: AbortSignal) {',
  '  await new Promise((r) => setTimeout(r, 2));',
  '}',
  '',
].join('\n');
const IMPORT = "import { setTimeout as sleep } from 'node:timers/promises';\n\n";
const FIRST_ONLY = IMPORT + TWO_SLEEPS.replace('new Promise((r) => setTimeout(r, 1))', 'sleep(1, undefined, { signal })');
const SECOND_ONLY = IMPORT + TWO_SLEEPS.replace('new Promise((r) => setTimeout(r, 2))', 'sleep(2, undefined, { signal })');
const ALL = processSource('a.ts', TWO_SLEEPS, transforms).output as string;
const PROMPT = (n: number, path: string) => `(${n}/2) Apply this hunk to ${path} [y,n,a,d,q,?]? `;

const repo = (files: Record<string, string>) => writeRepo(files, 'ctxmod-interactive-');

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

/** `ctxmod migrate src -i` with stdin left open, for tests that act between questions. */
function startInteractive(dir: string) {
  const child = spawn(process.execPath, [BIN, 'migrate', 'src', '-i'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
  let text = '';
  const waiters: { wanted: string; resolve: () => void }[] = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    text += chunk;
    for (const waiter of waiters.filter((w) => text.includes(w.wanted))) waiter.resolve();
  });
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  const stderr = {
    text: () => text,
    waitFor: (wanted: string) => new Promise<void>((resolve) => (text.includes(wanted) ? resolve() : waiters.push({ wanted, resolve }))),
  };
  return { child, stderr, done };
}

describe('migrate --interactive', () => {
  it('y/n per hunk: writes only the accepted hunks, with the import they use', () => {
    expect(ALL).toBe(IMPORT + TWO_SLEEPS.replace(/new Promise\(\(r\) => setTimeout\(r, (\d)\)\)/g, 'sleep($1, undefined, { signal })'));
    const dir = repo({ 'src/a.ts': TWO_SLEEPS, 'src/b.ts': TWO_SLEEPS });
    // The answers on the stdin of a process; the other tests give them to main() in the test's process.
    const result = spawnCtxmod(['migrate', 'src', '--interactive'], dir, 'n\ny\ny\nn\n');
    expect(result.status).toBe(0);
    expect(read(dir, 'src/a.ts')).toBe(SECOND_ONLY);
    expect(read(dir, 'src/b.ts')).toBe(FIRST_ONLY);
    expect(result.stdout).toBe('');
    // The hunk, then the prompt, on stderr; files in path order.
    expect(result.stderr).toContain(
      '--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1,5 +1,7 @@\n+' + IMPORT.replace('\n\n', '\n+\n') + ' export async function poll1(signal: AbortSignal) {\n' +
        '-  await new Promise((r) => setTimeout(r, 1));\n+  await sleep(1, undefined, { signal });\n }\n // 0\n // 1\n' +
        "# 1:1 [abortable-sleep] adds import { setTimeout as sleep } from 'node:timers/promises'\n" +
        '# 2:9 [abortable-sleep] sleep now uses node:timers/promises setTimeout and stops on abort of signal\n' +
        PROMPT(1, 'src/a.ts'),
    );
    expect(result.stderr.indexOf(PROMPT(2, 'src/a.ts'))).toBeLessThan(result.stderr.indexOf(PROMPT(1, 'src/b.ts')));
    expect(result.stderr).toContain('(the imports the accepted hunks use are added too)\n');
    // Declined edits are not counted.
    expect(result.stderr).toMatch(/ctxmod: 2 files: 2 changed, 0 unchanged, 0 skipped, 0 errors; 2 edits, 0 to review \(/);
    expect(git(dir, 'status', '--short')).toBe(' M src/a.ts\n M src/b.ts\n');
  });

  it('a accepts the rest of the file, d skips the rest of the file', () => {
    const dir = repo({ 'src/a.ts': TWO_SLEEPS, 'src/b.ts': TWO_SLEEPS });
    const result = ctxmod(['migrate', 'src', '-i'], dir, 'a\nd\n');
    expect(result.status).toBe(0);
    expect(read(dir, 'src/a.ts')).toBe(ALL);
    expect(read(dir, 'src/b.ts')).toBe(TWO_SLEEPS);
    expect(result.stderr).not.toContain(PROMPT(2, 'src/a.ts'));
    expect(result.stderr).not.toContain(PROMPT(2, 'src/b.ts'));
    expect(result.stderr).toContain('src/b.ts: skipped: no change accepted in review\n');
    expect(result.stderr).toMatch(/ctxmod: 2 files: 1 changed, 0 unchanged, 1 skipped, 0 errors; 2 edits, 0 to review \(/);
  });

  it('q stops: what was accepted so far is written, nothing else is asked', () => {
    const dir = repo({ 'src/a.ts': TWO_SLEEPS, 'src/b.ts': TWO_SLEEPS });
    const result = ctxmod(['migrate', 'src', '-i'], dir, 'y\nq\ny\ny\n');
    expect(result.status).toBe(0);
    expect(read(dir, 'src/a.ts')).toBe(FIRST_ONLY);
    expect(read(dir, 'src/b.ts')).toBe(TWO_SLEEPS);
    expect(result.stderr).not.toContain(PROMPT(1, 'src/b.ts'));
  });

  it('the end of stdin counts as q', () => {
    const dir = repo({ 'src/a.ts': TWO_SLEEPS, 'src/b.ts': TWO_SLEEPS });
    const result = ctxmod(['migrate', 'src', '-i'], dir, 'y\n');
    expect(result.status).toBe(0);
    expect(read(dir, 'src/a.ts')).toBe(FIRST_ONLY);
    expect(read(dir, 'src/b.ts')).toBe(TWO_SLEEPS);
    const none = ctxmod(['migrate', 'src', '-i'], repo({ 'src/a.ts': TWO_SLEEPS }));
    expect(none.status).toBe(0);
    expect(none.stderr).toMatch(/ctxmod: 1 file: 0 changed, 0 unchanged, 1 skipped, 0 errors; 0 edits, 0 to review \(/);
  });

  it('? prints the help, an unknown answer the help too, and the question is asked again', () => {
    const dir = repo({ 'src/a.ts': TWO_SLEEPS });
    const result = ctxmod(['migrate', 'src', '-i'], dir, '?\nyes\na\n');
    expect(result.status).toBe(0);
    expect(read(dir, 'src/a.ts')).toBe(ALL);
    const help = 'y - apply this hunk\nn - do not apply this hunk\n';
    expect(result.stderr).toContain(`${PROMPT(1, 'src/a.ts')}${help}`);
    expect(result.stderr).toContain(`${PROMPT(1, 'src/a.ts')}unknown answer "yes"\n${help}`);
    expect(result.stderr.split(PROMPT(1, 'src/a.ts')).length).toBe(4);
  });

  it('keeps a require that an accepted hunk uses (CommonJS)', () => {
    const cjs = TWO_SLEEPS.replace(/export async function (poll\d)\(signal: AbortSignal\)/g, 'exports.$1 = async function (signal)');
    const all = processSource('a.cjs', cjs, transforms).output as string;
    const require = all.split('\n')[0] as string;
    expect(require).toMatch(/^const \{ setTimeout: sleep \} = require\('node:timers\/promises'\);$/);
    const dir = repo({ 'src/a.cjs': cjs });
    expect(ctxmod(['migrate', 'src', '-i'], dir, 'n\ny\n').status).toBe(0);
    expect(read(dir, 'src/a.cjs')).toBe(`${require}\n\n${cjs.replace('new Promise((r) => setTimeout(r, 2))', 'sleep(2, undefined, { signal })')}`);
  });

  it('keeps CRLF line endings and a missing final newline in partly accepted files', () => {
    const crlf = TWO_SLEEPS.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const dir = repo({ 'src/a.ts': crlf });
    expect(ctxmod(['migrate', 'src', '-i'], dir, 'n\ny\n').status).toBe(0);
    expect(read(dir, 'src/a.ts')).toBe(SECOND_ONLY.replace(/\n/g, '\r\n').replace(/\r\n$/, ''));
  });

  it.each([['--json'], ['--dry'], ['--patch', 'x.patch'], ['--verify']])('is refused with %s (exit 2, nothing written)', (...flags) => {
    const dir = repo({ 'src/a.ts': TWO_SLEEPS });
    const result = ctxmod(['migrate', 'src', '--interactive', ...flags], dir, 'a\n');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`ctxmod: --interactive cannot be combined with ${flags[0]}\n`);
    expect(result.stdout).toBe('');
    expect(read(dir, 'src/a.ts')).toBe(TWO_SLEEPS);
  });

  it('the dirty-tree guard runs before any question', () => {
    const dir = repo({ 'src/a.ts': TWO_SLEEPS });
    writeFileSync(join(dir, 'src/a.ts'), `${TWO_SLEEPS}// edited\n`);
    const result = ctxmod(['migrate', 'src', '-i'], dir, 'a\n');
    expect(result.status).toBe(2);
    expect(result.stderr).not.toContain('Apply this hunk');
    expect(result.stderr).toContain('refusing to write: 1 file has uncommitted changes:\n  src/a.ts\n');
    expect(ctxmod(['migrate', 'src', '-i', '--force'], dir, 'a\n').status).toBe(0);
    expect(read(dir, 'src/a.ts')).toBe(processSource('a.ts', `${TWO_SLEEPS}// edited\n`, transforms).output);
  });

  it('Ctrl-C at a question stops the run (exit 130): accepted hunks are written, nothing else', async () => {
    const dir = repo({ 'src/a.ts': TWO_SLEEPS, 'src/b.ts': TWO_SLEEPS });
    const { child, stderr, done } = startInteractive(dir);
    child.stdin.write('y\n');
    await stderr.waitFor(PROMPT(2, 'src/a.ts'));
    child.kill('SIGINT');
    expect(await done).toBe(130);
    expect(read(dir, 'src/a.ts')).toBe(FIRST_ONLY);
    expect(read(dir, 'src/b.ts')).toBe(TWO_SLEEPS);
    expect(stderr.text()).not.toContain(PROMPT(1, 'src/b.ts'));
    expect(stderr.text()).toContain('src/b.ts: skipped: interrupted before this file was started\n');
  });

  it('Ctrl-C before a change set was answered in all its files: it is written in none', async () => {
    const dir = repo({ 'tsconfig.json': TSCONFIG, 'src/client.ts': CLIENT, 'src/handler.ts': HANDLER });
    const { child, stderr, done } = startInteractive(dir);
    child.stdin.write('y\n');
    await stderr.waitFor('(1/1) Apply this hunk to src/handler.ts');
    child.kill('SIGINT');
    expect(await done).toBe(130);
    expect(read(dir, 'src/client.ts')).toBe(CLIENT);
    expect(read(dir, 'src/handler.ts')).toBe(HANDLER);
    expect(stderr.text()).toContain(
      'src/client.ts: skipped: change set not written (getUser (client.ts:1); src/client.ts, src/handler.ts): src/handler.ts: not reviewed (the run stopped); a change set is written whole or not at all\n',
    );
  });

  it('a file edited on disk while its hunks are reviewed is not overwritten', async () => {
    const dir = repo({ 'src/a.ts': TWO_SLEEPS });
    const { child, stderr, done } = startInteractive(dir);
    await stderr.waitFor(PROMPT(1, 'src/a.ts'));
    writeFileSync(join(dir, 'src/a.ts'), `${TWO_SLEEPS}// theirs\n`);
    child.stdin.end('a\n');
    expect(await done).toBe(1);
    expect(stderr.text()).toContain('src/a.ts: error: file changed on disk during the run; not overwritten\n');
    expect(read(dir, 'src/a.ts')).toBe(`${TWO_SLEEPS}// theirs\n`);
  });
});
