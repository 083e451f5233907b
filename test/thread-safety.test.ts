/**
 * The thread pass writes a threaded signature and its call sites together or not at all: each
 * case below is a file of a change set that cannot be written, and the set's other files stay
 * as they were. CLI cases need dist/ (`npm test` builds it first).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, chmodSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { threadSignal } from '../src/thread/run-thread.ts';
import { BIN, ctxmod, writeProject } from './helpers.ts';

const TSCONFIG = JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, lib: ['ES2023', 'DOM'], types: [] },
  include: ['src'],
});
const BOM = '\uFEFF';

/** A callee whose fetch takes a signal, and a caller that has one (a Request). */
function pair(n: number | '' = '') {
  return {
    [`src/client${n}.ts`]: `export async function getUser${n}(id: string) {\n  return fetch(\`/users/\${id}\`);\n}\n`,
    [`src/handler${n}.ts`]: `import { getUser${n} } from './client${n}';\n\nexport async function handle${n}(request: Request) {\n  return getUser${n}(request.url);\n}\n`,
  };
}
const THREADED = {
  'src/client.ts': 'export async function getUser(id: string, signal?: AbortSignal) {\n  return fetch(`/users/${id}`, { signal });\n}\n',
  'src/handler.ts': "import { getUser } from './client';\n\nexport async function handle(request: Request) {\n  return getUser(request.url, request.signal);\n}\n",
};
const SET = 'change set not written (getUser (client.ts:1); src/client.ts, src/handler.ts)';

function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

interface JsonFile {
  path: string;
  status: string;
  reason?: string;
  error?: { message: string };
  edits: { message: string }[];
  manual: { line: number; message: string }[];
}

function migrateJson(dir: string): { status: number | null; files: JsonFile[] } {
  const result = ctxmod(['migrate', 'src', '--json'], dir);
  return { status: result.status, files: (JSON.parse(result.stdout) as { files: JsonFile[] }).files };
}

describe('thread-signal writes a change set whole or not at all', () => {
  it('writes a callee with a BOM, keeping the BOM, together with its caller; a second run changes nothing', () => {
    const files = pair();
    const dir = writeProject({ 'tsconfig.json': TSCONFIG, ...files, 'src/client.ts': BOM + files['src/client.ts'] });
    const result = ctxmod(['migrate', 'src'], dir);
    expect(result.status).toBe(0);
    expect(read(dir, 'src/client.ts')).toBe(BOM + THREADED['src/client.ts']);
    expect(read(dir, 'src/handler.ts')).toBe(THREADED['src/handler.ts']);
    const again = migrateJson(dir);
    expect(again.files.flatMap((file) => file.edits)).toEqual([]);
  });

  it('writes none of a set with a file the per-file pass cannot parse', () => {
    const files = pair();
    // The sleep makes the per-file pass parse the file (its prefilter would skip a plain fetch).
    const broken = `${files['src/client.ts']}export async function pause() {\n  await new Promise((r) => setTimeout(r, 100));\n}\nlet y = <<< ;\n`;
    const dir = writeProject({ 'tsconfig.json': TSCONFIG, ...files, 'src/client.ts': broken });
    const result = ctxmod(['migrate', 'src'], dir);
    expect(result.status).toBe(1);
    expect(read(dir, 'src/client.ts')).toBe(broken);
    expect(read(dir, 'src/handler.ts')).toBe(files['src/handler.ts']);
    expect(result.stderr).toContain('src/client.ts:7:9: error: Unexpected token');
    expect(result.stderr).toContain(`src/handler.ts: skipped: ${SET}: src/client.ts: the per-file pass did not process it (Unexpected token)\n`);
    expect(result.stderr).not.toMatch(/thread-signal\] (threads|passes)/);
  });

  it('writes none of a set with a file over the 2 MiB limit', () => {
    const files = pair();
    const large = `// ${'x'.repeat(3_000_000)}\n${files['src/client.ts']}`;
    const dir = writeProject({ 'tsconfig.json': TSCONFIG, ...files, 'src/client.ts': large });
    const { status, files: report } = migrateJson(dir);
    expect(status).toBe(0);
    expect(read(dir, 'src/client.ts')).toBe(large);
    expect(read(dir, 'src/handler.ts')).toBe(files['src/handler.ts']);
    expect(report.map((file) => [file.path, file.status, file.reason, file.edits.length])).toEqual([
      ['src/client.ts', 'skipped', 'larger than 2 MiB', 0],
      ['src/handler.ts', 'skipped', 'change set not written (getUser (client.ts:2); src/client.ts, src/handler.ts): src/client.ts: the per-file pass did not process it (larger than 2 MiB)', 0],
    ]);
  });

  it('drops a set that adds a type error, naming the diagnostic, and writes the others', () => {
    const dir = writeProject({
      'tsconfig.json': TSCONFIG,
      ...pair(),
      ...pair(2),
      // A configured root whose signal may be null, which `signal?: AbortSignal` does not take.
      'src/handler.ts':
        "import { getUser } from './client';\n\nexport const current: { signal: AbortSignal | null } = { signal: null };\n\nexport async function handle(id: string) {\n  return getUser(id);\n}\n",
      'ctxmod.config.json': JSON.stringify({ thread: { roots: [{ function: 'handle', signal: 'current.signal' }] } }),
    });
    const { status, files } = migrateJson(dir);
    expect(status).toBe(0);
    expect(read(dir, 'src/client.ts')).toBe(pair()['src/client.ts']);
    expect(read(dir, 'src/handler.ts')).toContain('  return getUser(id);\n');
    expect(read(dir, 'src/client2.ts')).toContain('getUser2(id: string, signal?: AbortSignal)');
    expect(read(dir, 'src/handler2.ts')).toContain('getUser2(request.url, request.signal)');
    const note = `${SET}: src/handler.ts: it adds a type error: TS2345 Argument of type 'AbortSignal | null' is not assignable to parameter of type 'AbortSignal | undefined'.`;
    expect(files.map((file) => [file.path, file.status, file.edits.length, file.manual.map((finding) => `${finding.line} ${finding.message}`)])).toEqual([
      ['src/client.ts', 'skipped', 0, [`1 ${note}`]],
      ['src/client2.ts', 'changed', 2, []],
      ['src/handler.ts', 'skipped', 0, [`6 ${note}`]],
      ['src/handler2.ts', 'changed', 1, []],
    ]);
  });

  it('writes none of a set with a read-only file', () => {
    const files = pair();
    const dir = writeProject({ 'tsconfig.json': TSCONFIG, ...files });
    chmodSync(join(dir, 'src/handler.ts'), 0o444);
    const { status, files: report } = migrateJson(dir);
    expect(status).toBe(1);
    expect(read(dir, 'src/client.ts')).toBe(files['src/client.ts']);
    expect(report.map((file) => [file.path, file.status, file.error?.message ?? file.reason])).toEqual([
      ['src/client.ts', 'skipped', `${SET}: src/handler.ts: file is read-only; not written`],
      ['src/handler.ts', 'error', 'file is read-only; not written'],
    ]);
  });
});

describe('thread-signal and files changed during the run', () => {
  it('writes none of a set when one of its files changes on disk between the analysis and the write', async () => {
    const files = pair();
    const dir = writeProject({ 'tsconfig.json': TSCONFIG, ...files });
    const client = join(dir, 'src/client.ts');
    let reads = 0;
    const results = await threadSignal({
      project: join(dir, 'tsconfig.json'),
      cwd: dir,
      // The first read checks what was analysed; the second, right before the write, finds the user's edit.
      readFile: async (name) => {
        if (name === client && ++reads === 2) appendFileSync(client, '// edited\n');
        return readFile(name);
      },
    });
    expect(read(dir, 'src/client.ts')).toBe(`${files['src/client.ts']}// edited\n`);
    expect(read(dir, 'src/handler.ts')).toBe(files['src/handler.ts']);
    expect(results.map((result) => [result.path, result.status, result.error?.message ?? result.reason, result.findings.map((finding) => finding.kind)])).toEqual([
      ['src/client.ts', 'error', 'file changed on disk during the run; not overwritten', ['manual']],
      ['src/handler.ts', 'skipped', `${SET}: src/client.ts: file changed on disk during the run; not overwritten`, ['manual']],
    ]);
  });
});

describe('thread-signal and interrupts', () => {
  const files = { 'tsconfig.json': TSCONFIG, ...pair(1), ...pair(2), ...pair(3) };

  it('stops during the analysis with nothing written, and between change sets with those written whole', async () => {
    const dir = writeProject(files);
    const analysis = new AbortController();
    const none = await threadSignal({
      project: join(dir, 'tsconfig.json'),
      cwd: dir,
      signal: analysis.signal,
      readFile: async (name) => {
        analysis.abort();
        return readFile(name);
      },
    });
    expect(none).toEqual([]);
    for (const [path, text] of Object.entries(files)) expect(read(dir, path), path).toBe(text);

    const writing = new AbortController();
    let reads = 0;
    const results = await threadSignal({
      project: join(dir, 'tsconfig.json'),
      cwd: dir,
      signal: writing.signal,
      // Six reads check the six files; the seventh comes right before the first set is written.
      readFile: async (name) => {
        if (++reads === 7) writing.abort();
        return readFile(name);
      },
    });
    const changed = results.filter((result) => result.status === 'changed').map((result) => result.path);
    expect(changed).toEqual(['src/client1.ts', 'src/handler1.ts']);
    expect(read(dir, 'src/handler1.ts')).toContain('getUser1(request.url, request.signal)');
    for (const path of ['src/client2.ts', 'src/handler2.ts', 'src/client3.ts', 'src/handler3.ts']) expect(read(dir, path), path).toBe(files[path as keyof typeof files]);
    expect(results.find((result) => result.path === 'src/handler3.ts')?.reason).toBe(
      'change set not written (getUser3 (client3.ts:1); src/client3.ts, src/handler3.ts): src/client3.ts: interrupted before this change set was written',
    );
  });

  it('SIGINT during the analysis: nothing of the pass written, the summary, exit 130', async () => {
    const pause = 'export async function pause(signal?: AbortSignal) {\n  await new Promise((r) => setTimeout(r, 100));\n}\n';
    const many: Record<string, string> = { 'tsconfig.json': TSCONFIG, 'src/pause.ts': pause };
    for (let n = 0; n < 150; n++) Object.assign(many, pair(n));
    const dir = writeProject(many);
    // The type lookup loads the program before the per-file pass, which then does not end with
    // pause.ts: this interrupt is meant for the thread pass's own analysis.
    const child = spawn(process.execPath, [BIN, 'migrate', 'src', '--no-type-lookup'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The per-file pass changes only pause.ts: once it is written, the thread pass's analysis of
    // 300 files (seconds) is under way.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && read(dir, 'src/pause.ts') === pause) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('ctxmod: interrupted');
    expect(stderr).toContain('ctxmod: 301 files: 1 changed, 300 unchanged');
    for (const [path, text] of Object.entries(many)) if (path !== 'src/pause.ts') expect(read(dir, path), path).toBe(text);
  }, 60_000);
});
