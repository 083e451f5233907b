/**
 * Migration safety against the real bin and real git: uncommitted changes, --force, --patch,
 * interrupts, read-only and vanished files. `npm test` builds dist/ first (pretest).
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processSource } from '../src/engine/process-source.ts';
import { transforms } from '../src/registry.ts';
import { BIN, ctxmod, tempDir, writeProject } from './helpers.ts';

const SLEEP = (n: number) => `export async function poll${n}(signal: AbortSignal) {\n  await new Promise((r) => setTimeout(r, ${n}));\n}\n`;
const WARNING = 'ctxmod: warning: not in a git repository';

function project(files: Record<string, string>): string {
  return writeProject(files, tempDir('ctxmod-workflow-'));
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
}

function repo(files: Record<string, string>): string {
  const dir = project(files);
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'init');
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out[rel] = readFileSync(join(dir, rel), 'utf8');
    }
  };
  walk('');
  return out;
}

const migrated = (path: string, text: string) => processSource(path, text, transforms).output ?? text;

describe('git safety', () => {
  it('refuses to write over uncommitted changes, names the files, writes nothing', () => {
    const dir = repo({ 'src/a.ts': SLEEP(1), 'src/b.ts': SLEEP(2) });
    writeFileSync(join(dir, 'src/a.ts'), `${SLEEP(1)}// edited\n`);
    writeFileSync(join(dir, 'src/new.ts'), SLEEP(3));
    const before = snapshot(dir);

    const result = ctxmod(['migrate', 'src'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'ctxmod: refusing to write: 2 files have uncommitted changes:\n  src/a.ts\n  src/new.ts\n' +
        'Commit or stash them so the migration can be reviewed and reverted on its own, or pass --force.\n',
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('--force writes anyway; --dry never needs a clean tree', () => {
    const dir = repo({ 'src/a.ts': SLEEP(1) });
    writeFileSync(join(dir, 'src/a.ts'), `${SLEEP(1)}// edited\n`);
    expect(ctxmod(['migrate', 'src', '--dry'], dir).status).toBe(0);
    const forced = ctxmod(['migrate', 'src', '--force'], dir);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, 'src/a.ts'), 'utf8')).toBe(migrated('a.ts', `${SLEEP(1)}// edited\n`));
  });

  it('only the files ctxmod visits count: other dirty files do not block it', () => {
    const dir = repo({ 'src/a.ts': SLEEP(1), 'notes.md': 'x\n' });
    writeFileSync(join(dir, 'notes.md'), 'y\n');
    // No tsconfig: --no-thread keeps the thread pass's warning out of what is checked below.
    const result = ctxmod(['migrate', 'src', '--no-thread'], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain('warning');
    expect(readFileSync(join(dir, 'src/a.ts'), 'utf8')).toBe(migrated('a.ts', SLEEP(1)));
  });

  it('outside a repository it warns once and writes', () => {
    const dir = project({ 'a.ts': SLEEP(1), 'b.ts': SLEEP(2) });
    const result = ctxmod(['migrate', '.'], dir);
    expect(result.status).toBe(0);
    expect(result.stderr.split(WARNING).length - 1).toBe(1);
    expect(readFileSync(join(dir, 'b.ts'), 'utf8')).toBe(migrated('b.ts', SLEEP(2)));
  });
});

describe('--patch', () => {
  it('writes a patch git apply accepts and no source file', () => {
    const dir = repo({ 'src/a.ts': SLEEP(1), 'src/crlf.ts': SLEEP(2).replaceAll('\n', '\r\n'), 'src/plain.ts': 'export {};\n' });
    const before = snapshot(dir);
    const result = ctxmod(['migrate', 'src', '--patch', 'migration.patch', '--no-thread'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^ctxmod: 3 files: 2 would change, 1 unchanged/);
    const after = snapshot(dir);
    delete after['migration.patch'];
    expect(after).toEqual(before);

    git(dir, 'apply', '--check', 'migration.patch');
    git(dir, 'apply', 'migration.patch');
    expect(readFileSync(join(dir, 'src/a.ts'), 'utf8')).toBe(migrated('a.ts', SLEEP(1)));
    expect(readFileSync(join(dir, 'src/crlf.ts'), 'utf8')).toBe(migrated('crlf.ts', SLEEP(2).replaceAll('\n', '\r\n')));
  });
});

describe('bad files among good ones', () => {
  it('a read-only file is an error for that file; the others are written', () => {
    const dir = project({ 'a.ts': SLEEP(1), 'locked.ts': SLEEP(2) });
    chmodSync(join(dir, 'locked.ts'), 0o444);
    const result = ctxmod(['migrate', '.'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('locked.ts: error: file is read-only; not written\n');
    expect(readFileSync(join(dir, 'locked.ts'), 'utf8')).toBe(SLEEP(2));
    expect(readFileSync(join(dir, 'a.ts'), 'utf8')).toBe(migrated('a.ts', SLEEP(1)));
  });
});

describe('interrupts', () => {
  it('SIGINT stops starting files, finishes those in flight, exits 130; no file is half-written', async () => {
    const count = 400;
    const files: Record<string, string> = {};
    // Big enough files that a run takes a while: 40 sleeps each.
    const text = Array.from({ length: 40 }, (_, k) => SLEEP(k)).join('');
    for (let i = 0; i < count; i++) files[`src/f${String(i).padStart(3, '0')}.ts`] = text;
    const dir = project(files);
    // Every file has the same text and extension, so the same migration: computed once.
    const once = migrated('src/f000.ts', text);
    const expected = Object.fromEntries(Object.keys(files).map((path) => [path, once]));

    const child = spawn(process.execPath, [BIN, 'migrate', 'src', '--cpus', '1'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt as soon as the first file has been written.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && readFileSync(join(dir, 'src/f000.ts'), 'utf8') === files['src/f000.ts']) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGINT');
    const code = await exited;

    const after = snapshot(dir);
    const written = Object.keys(files).filter((path) => after[path] === expected[path]);
    for (const path of Object.keys(files)) expect([files[path], expected[path]]).toContain(after[path]);
    expect(Object.keys(after).sort()).toEqual(Object.keys(files).sort());
    if (code === 0) {
      // The machine finished all 400 before the signal landed: nothing to interrupt.
      expect(written.length).toBe(count);
    } else {
      expect(code).toBe(130);
      expect(written.length).toBeGreaterThan(0);
      expect(written.length).toBeLessThan(count);
      expect(stderr).toContain('ctxmod: interrupted: files in progress were finished; the rest were not started\n');
      expect(stderr).toMatch(new RegExp(`ctxmod: ${count} files: ${written.length} changed, 0 unchanged, ${count - written.length} skipped`));
    }
  });
});

describe('--verify', () => {
  const TYPES = join(import.meta.dirname, '..', 'node_modules', '@types');
  const files = {
    'tsconfig.json': JSON.stringify({
      compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', types: ['node'], typeRoots: [TYPES], noEmit: true },
      include: ['src'],
    }),
    // abortable-sleep gives sleep() an optional signal parameter, for pause() to pass its signal...
    'src/sleep.ts':
      'export function sleep(ms: number) {\n  return new Promise((resolve) => setTimeout(resolve, ms));\n}\n\n' +
      'export async function pause(signal: AbortSignal) {\n  await sleep(10);\n}\n',
    // ...which breaks this unchanged file: map() passes the index where the signal now goes.
    'src/batch.ts': "import { sleep } from './sleep.js';\n\nexport function sleepAll(delays: number[]) {\n  return Promise.all(delays.map(sleep));\n}\n",
    'src/poll.ts': SLEEP(100),
  };

  it('does not write a file whose edits break the build, writes the rest, reports both counts', () => {
    const dir = repo(files);
    const result = ctxmod(['migrate', 'src', '--verify'], dir);
    expect(result.status).toBe(1);
    expect(readFileSync(join(dir, 'src/sleep.ts'), 'utf8')).toBe(files['src/sleep.ts']);
    expect(readFileSync(join(dir, 'src/poll.ts'), 'utf8')).toBe(migrated('poll.ts', SLEEP(100)));
    expect(result.stderr).toContain('src/sleep.ts: error: not written: the edits add 1 type error\n');
    expect(result.stderr).toContain(`review [verify] the edits add a type error (at this position of the migrated text): in ${join(dir, 'src/batch.ts')}: 4:33 TS2345:`);
    expect(result.stderr).toMatch(/ctxmod: 3 files: 1 changed, 1 unchanged, 0 skipped, 1 error; 3 edits, 1 to review; type errors in the 1 file the edits reach: 0 before, 0 after/);
  });

  it('with --dry marks the file and writes nothing', () => {
    const dir = repo(files);
    const before = snapshot(dir);
    const result = ctxmod(['migrate', 'src', '--verify', '--dry'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('+++ b/src/sleep.ts');
    expect(result.stderr).toContain('src/sleep.ts:1:1: review [verify] the edits add a type error');
    expect(snapshot(dir)).toEqual(before);
  });

  it('needs a tsconfig', () => {
    const dir = repo({ 'src/poll.ts': SLEEP(1) });
    const result = ctxmod(['migrate', 'src', '--verify'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`ctxmod: --verify needs a tsconfig: ${join(dir, 'tsconfig.json')} does not exist\n`);
  });
});
