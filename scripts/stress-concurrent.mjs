// The per-file pass against concurrent edits and Ctrl-C, many times over. Not part of `npm test`
// (it takes minutes); run after `npm run build`:
//
//   node scripts/stress-concurrent.mjs [--runs 20] [--files 500] [--cpus <n>]
//
// Concurrent edits, <runs> times: each run copies the sample into <files> files, starts `ctxmod
// migrate`, and appends a line to one file after another while it runs. Afterwards every file must
// hold the original or the migrated text followed by every line appended to it (no lost edit, no
// torn file), every file left unmigrated must be named as an error, and the exit code must be 1
// exactly when one was.
//
// SIGINT, <runs> times: the same project, interrupted as soon as the first file is written (odd
// runs) or at a random time around it (even runs). Every file must hold the original or the
// migrated text (no torn file), no temp file may be left, the exit code must be 130 (or 0 when the
// run had finished), and the summary's count of changed files must be the number of files written.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const BIN = new URL('../bin/ctxmod.js', import.meta.url).pathname;
if (!existsSync(new URL('../dist/src/cli/bin.js', import.meta.url))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, files: { type: 'string', default: '500' }, cpus: { type: 'string' } } });
const RUNS = Number(values.runs);
const FILES = Number(values.files);

const SAMPLE =
  'export async function load(url: string, signal?: AbortSignal) {\n' +
  '  const res = await fetch(url);\n' +
  '  await new Promise((r) => setTimeout(r, 100));\n' +
  '  return res.json();\n' +
  '}\n';
const SAMPLE_OUT =
  "import { setTimeout as sleep } from 'node:timers/promises';\n\n" +
  'export async function load(url: string, signal?: AbortSignal) {\n' +
  '  const res = await fetch(url, { signal });\n' +
  '  await sleep(100, undefined, { signal });\n' +
  '  return res.json();\n' +
  '}\n';

const STRIDES = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83];

const totals = { appends: 0, lost: 0, torn: 0, refused: 0, unnamed: 0, wrongExit: 0, tempLeft: 0 };

for (let run = 1; run <= RUNS; run++) {
  const dir = mkdtempSync(join(tmpdir(), 'ctxmod-stress-'));
  try {
    for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `f${i}.ts`), SAMPLE);
    const args = [BIN, 'migrate', '.', '--json', ...(values.cpus ? ['--cpus', values.cpus] : [])];
    const child = spawn(process.execPath, args, { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    let running = true;
    const exited = new Promise((resolve) => child.on('close', (code) => ((running = false), resolve(code))));

    // A different stride each run, so that the appends meet the run at different stages; a prime
    // that does not divide the file count, so that every file is reached.
    const stride = STRIDES.find((prime, index) => index >= (run - 1) % STRIDES.length && FILES % prime !== 0) ?? 1;
    const appended = new Map();
    for (let n = 0; running; n++) {
      const file = `f${(n * stride) % FILES}.ts`;
      const line = `// edit ${n}\n`;
      appendFileSync(join(dir, file), line);
      appended.set(file, [...(appended.get(file) ?? []), line]);
      totals.appends++;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const code = await exited;
    const report = JSON.parse(stdout);
    const status = new Map(report.files.map((file) => [file.path, file]));

    const counts = { lost: 0, torn: 0, refused: 0, unnamed: 0 };
    for (let i = 0; i < FILES; i++) {
      const file = `f${i}.ts`;
      const text = readFileSync(join(dir, file), 'utf8');
      const lines = appended.get(file) ?? [];
      const body = text.startsWith(SAMPLE_OUT) ? SAMPLE_OUT : text.startsWith(SAMPLE) ? SAMPLE : undefined;
      if (body === undefined) {
        counts.torn++;
        continue;
      }
      const tail = text.slice(body.length);
      counts.lost += lines.filter((line) => !tail.includes(line)).length;
      if (tail !== lines.join('') && lines.every((line) => tail.includes(line))) counts.torn++;
      if (body === SAMPLE) {
        if (status.get(file)?.status === 'error') counts.refused++;
        else counts.unnamed++;
      }
    }
    const wrongExit = code !== (counts.refused + counts.unnamed > 0 ? 1 : 0) ? 1 : 0;
    const tempLeft = readdirSync(dir).filter((name) => name.endsWith('.tmp')).length;
    for (const key of Object.keys(counts)) totals[key] += counts[key];
    totals.wrongExit += wrongExit;
    totals.tempLeft += tempLeft;
    console.log(
      `run ${String(run).padStart(2)}: exit ${code}, ${appended.size} files edited during the run, ${counts.refused} refused and named, ` +
        `${counts.lost} lost edits, ${counts.torn} torn, ${counts.unnamed} unwritten but not named, ${tempLeft} temp files left`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `\n${RUNS} runs of ${FILES} files, ${totals.appends} appends: ${totals.lost} lost edits, ${totals.torn} torn files, ` +
    `${totals.unnamed} unwritten files not named, ${totals.wrongExit} wrong exit codes, ${totals.tempLeft} temp files left; ` +
    `${totals.refused} files refused (changed on disk) and named`,
);

const interrupts = { interrupted: 0, finished: 0, beforeHandler: 0, written: 0, torn: 0, wrongExit: 0, wrongCount: 0, tempLeft: 0 };
let firstWrite = 1000;

for (let run = 1; run <= RUNS; run++) {
  const dir = mkdtempSync(join(tmpdir(), 'ctxmod-stress-'));
  try {
    for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `f${i}.ts`), SAMPLE);
    const args = [BIN, 'migrate', '.', ...(values.cpus ? ['--cpus', values.cpus] : [])];
    const started = Date.now();
    const child = spawn(process.execPath, args, { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let running = true;
    let killedBy = null;
    const exited = new Promise((resolve) => child.on('close', (code, signal) => ((running = false), (killedBy = signal), resolve(code))));

    if (run % 2 === 1) {
      while (running && !readdirSync(dir).some((name) => name.endsWith('.ts') && readFileSync(join(dir, name), 'utf8') === SAMPLE_OUT)) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      firstWrite = Date.now() - started;
    } else {
      // Between 0.3 and 1.3 times the previous run's time to its first write: mostly while files
      // are read and transformed, sometimes during the writes.
      await new Promise((resolve) => setTimeout(resolve, firstWrite * (0.3 + Math.random())));
    }
    if (running) child.kill('SIGINT');
    const code = await exited;

    let written = 0;
    let torn = 0;
    for (let i = 0; i < FILES; i++) {
      const text = readFileSync(join(dir, `f${i}.ts`), 'utf8');
      if (text === SAMPLE_OUT) written++;
      else if (text !== SAMPLE) torn++;
    }
    const summary = /(\d+) changed/.exec(stderr);
    const counted = summary ? Number(summary[1]) : -1;
    const tempLeft = readdirSync(dir).filter((name) => name.endsWith('.tmp')).length;
    // A SIGINT that lands while Node is still loading, before ctxmod has installed its handler,
    // ends the process the default way (killed by the signal, no summary): nothing may be written.
    const beforeHandler = killedBy === 'SIGINT' && written === 0;
    const wrongExit = code === 130 || (code === 0 && written === FILES) || beforeHandler ? 0 : 1;
    interrupts[beforeHandler ? 'beforeHandler' : code === 130 ? 'interrupted' : 'finished']++;
    interrupts.written += written;
    interrupts.torn += torn;
    interrupts.wrongExit += wrongExit;
    interrupts.wrongCount += counted === written || beforeHandler ? 0 : 1;
    interrupts.tempLeft += tempLeft;
    console.log(
      `sigint ${String(run).padStart(2)}: exit ${code ?? killedBy} after ${Date.now() - started} ms, ${written} of ${FILES} written, ` +
        `summary says ${counted} changed, ${torn} torn, ${tempLeft} temp files left`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `\n${RUNS} SIGINT runs of ${FILES} files: ${interrupts.interrupted} interrupted, ${interrupts.finished} finished first, ` +
    `${interrupts.beforeHandler} stopped while Node was loading; ` +
    `${interrupts.written} files written, ${interrupts.torn} torn files, ${interrupts.wrongCount} summaries with a wrong count, ` +
    `${interrupts.wrongExit} wrong exit codes, ${interrupts.tempLeft} temp files left`,
);
const failures =
  totals.lost + totals.torn + totals.unnamed + totals.wrongExit + totals.tempLeft +
  interrupts.torn + interrupts.wrongCount + interrupts.wrongExit + interrupts.tempLeft;
process.exit(failures === 0 ? 0 : 1);
