#!/usr/bin/env node
/**
 * Stress test of the thread pass's write safety (not part of `npm test`; needs dist/: `npm run
 * build`). A 600-file project of callee+caller pairs is migrated again and again:
 *   - SIGINT at a random time of the run (half the runs), or within 300 ms of the pass's first
 *     write (the other half), RUNS times;
 *   - a user appending lines to random files while the run goes, RUNS times.
 * After each run every pair is checked: a partial change set is a pair with one file threaded and
 * the other not; a torn file is one that is neither its original nor its threaded text (user lines
 * aside); a lost edit is a user line no longer in its file. All three must be 0.
 *
 *   node scripts/stress-thread.mjs [--runs 20] [--pairs 300]
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const BIN = fileURLToPath(new URL('../bin/ctxmod.js', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, pairs: { type: 'string', default: '300' } } });
const RUNS = Number(values.runs);
const PAIRS = Number(values.pairs);
const USER_LINE = '// user edit ';

const TSCONFIG = JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, lib: ['ES2023', 'DOM'], types: [] },
  include: ['src'],
});

/** path -> [original, threaded] */
function buildFiles() {
  const files = new Map();
  for (let n = 0; n < PAIRS; n++) {
    files.set(`src/client${n}.ts`, [
      `export async function getUser${n}(id: string) {\n  return fetch(\`/users/\${id}\`);\n}\n`,
      `export async function getUser${n}(id: string, signal?: AbortSignal) {\n  return fetch(\`/users/\${id}\`, { signal });\n}\n`,
    ]);
    files.set(`src/handler${n}.ts`, [
      `import { getUser${n} } from './client${n}';\n\nexport async function handle${n}(request: Request) {\n  return getUser${n}(request.url);\n}\n`,
      `import { getUser${n} } from './client${n}';\n\nexport async function handle${n}(request: Request) {\n  return getUser${n}(request.url, request.signal);\n}\n`,
    ]);
  }
  return files;
}

const FILES = buildFiles();

function writeProject() {
  const dir = mkdtempSync(join(tmpdir(), 'ctxmod-stress-thread-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'tsconfig.json'), TSCONFIG);
  for (const [path, [original]] of FILES) writeFileSync(join(dir, path), original);
  return dir;
}

/** Runs migrate; `during(child, started)` acts while it runs. Resolves with the exit code and stderr. */
function migrate(dir, during) {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, 'migrate', 'src'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr, ms: Date.now() - started })));
  // Done when both are: the run, and what acts during it (its last append lands before the check).
  return Promise.all([exited, during?.(child, exited)]).then(([result]) => result);
}

/** Counts partial change sets, torn files and lost user lines in `dir`. */
function inspect(dir, userLines) {
  let partial = 0;
  let torn = 0;
  let lost = 0;
  let written = 0;
  const state = new Map();
  for (const [path, [original, threaded]] of FILES) {
    const text = readFileSync(join(dir, path), 'utf8');
    for (const line of userLines.get(path) ?? []) if (!text.includes(line)) lost++;
    const own = text
      .split('\n')
      .filter((line) => !line.startsWith(USER_LINE))
      .join('\n');
    if (own === threaded) state.set(path, 'threaded');
    else if (own === original) state.set(path, 'original');
    else {
      state.set(path, 'torn');
      torn++;
    }
  }
  for (let n = 0; n < PAIRS; n++) {
    const client = state.get(`src/client${n}.ts`);
    const handler = state.get(`src/handler${n}.ts`);
    if (client !== 'torn' && handler !== 'torn' && client !== handler) partial++;
    if (client === 'threaded' && handler === 'threaded') written++;
  }
  return { partial, torn, lost, written };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the pass has written one of the first pairs (it writes them in program order). */
function firstWritten(dir) {
  for (let n = 0; n < Math.min(PAIRS, 10); n++) {
    for (const path of [`src/client${n}.ts`, `src/handler${n}.ts`]) {
      if (readFileSync(join(dir, path), 'utf8') !== FILES.get(path)[0]) return true;
    }
  }
  return false;
}

async function main() {
  // A full run: how long the pass takes here, and that it threads every pair.
  const baselineDir = writeProject();
  const baseline = await migrate(baselineDir);
  const full = inspect(baselineDir, new Map());
  rmSync(baselineDir, { recursive: true, force: true });
  console.log(`baseline: exit ${baseline.code}, ${baseline.ms} ms, ${full.written}/${PAIRS} pairs threaded`);
  if (baseline.code !== 0 || full.written !== PAIRS) throw new Error(`baseline run failed:\n${baseline.stderr}`);

  const totals = {
    sigint: { runs: 0, partial: 0, torn: 0, lost: 0, interrupted: 0, finished: 0, beforeListening: 0, other: 0, writtenPairs: [], latencies: [] },
    edits: { runs: 0, partial: 0, torn: 0, lost: 0, userLines: 0, refusedNamed: 0, exitOk: 0, exitFailure: 0, other: 0 },
  };

  for (let run = 0; run < RUNS; run++) {
    const dir = writeProject();
    // Even runs: any time of the run (mostly the analysis); odd runs: while the pass writes.
    const writing = run % 2 === 1;
    const delay = writing ? Math.floor(Math.random() * 300) : Math.floor(300 + Math.random() * (baseline.ms - 300));
    let killed = 0;
    const result = await migrate(dir, async (child, exited) => {
      let done = false;
      exited.then(() => {
        done = true;
      });
      while (writing && !done && !firstWritten(dir)) await sleep(5);
      await sleep(delay);
      killed = Date.now();
      child.kill('SIGINT');
    });
    // From the signal to the exit: how soon the run stops.
    const latency = Date.now() - killed;
    const found = inspect(dir, new Map());
    const t = totals.sigint;
    t.runs++;
    t.partial += found.partial;
    t.torn += found.torn;
    t.lost += found.lost;
    t.writtenPairs.push(found.written);
    if (result.code === 130) t.latencies.push(latency);
    if (result.code === 130) t.interrupted++;
    else if (result.code === 0 && found.written === PAIRS) t.finished++;
    // Before ctxmod listens (Node still starting): the default action, nothing written.
    else if (result.signal === 'SIGINT' && found.written === 0) t.beforeListening++;
    else t.other++;
    console.log(`sigint ${run + 1}/${RUNS}: ${writing ? `${delay} ms after the first write` : `at ${delay} ms`}, exit ${result.code ?? result.signal} after ${latency} ms, ${found.written} pairs written, partial ${found.partial}, torn ${found.torn}`);
    rmSync(dir, { recursive: true, force: true });
  }

  for (let run = 0; run < RUNS; run++) {
    const dir = writeProject();
    const userLines = new Map();
    let edits = 0;
    const result = await migrate(dir, async (child, exited) => {
      let done = false;
      exited.then(() => {
        done = true;
      });
      // Appends at random moments over the length of a run, like an editor saving files.
      while (!done) {
        await sleep(Math.random() * (baseline.ms / 40));
        const n = Math.floor(Math.random() * PAIRS);
        const path = Math.random() < 0.5 ? `src/client${n}.ts` : `src/handler${n}.ts`;
        const line = `${USER_LINE}${run}-${edits++}`;
        appendFileSync(join(dir, path), `${line}\n`);
        userLines.set(path, [...(userLines.get(path) ?? []), line]);
      }
    });
    const found = inspect(dir, userLines);
    const t = totals.edits;
    t.runs++;
    t.partial += found.partial;
    t.torn += found.torn;
    t.lost += found.lost;
    t.userLines += edits;
    if (result.code === 0) t.exitOk++;
    else if (result.code === 1) t.exitFailure++;
    else t.other++;
    // Each file refused for a change on disk is named in the report.
    t.refusedNamed += (result.stderr.match(/: error: file changed on disk during the run; not overwritten$/gm) ?? []).length;
    console.log(`edits ${run + 1}/${RUNS}: ${edits} user lines, exit ${result.code}, ${found.written} pairs written, partial ${found.partial}, torn ${found.torn}, lost ${found.lost}`);
    rmSync(dir, { recursive: true, force: true });
  }

  const { writtenPairs, latencies, ...sigint } = totals.sigint;
  const pairs = { pairsWrittenMin: Math.min(...writtenPairs), pairsWrittenMax: Math.max(...writtenPairs) };
  const stop = latencies.length > 0 ? { stopMsMedian: latencies.sort((a, b) => a - b)[Math.floor(latencies.length / 2)], stopMsMax: Math.max(...latencies) } : {};
  console.log('\nSIGINT runs:', JSON.stringify({ ...sigint, ...pairs, ...stop }));
  console.log('user-edit runs:', JSON.stringify(totals.edits));
  const bad = totals.sigint.partial + totals.sigint.torn + totals.edits.partial + totals.edits.torn + totals.edits.lost + totals.sigint.other + totals.edits.other;
  console.log(bad === 0 ? 'OK: no partial change set, no torn file, no lost edit' : `FAILED: ${bad} problems`);
  process.exitCode = bad === 0 ? 0 : 1;
}

await main();
