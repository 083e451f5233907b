#!/usr/bin/env node
/**
 * Measures the thread-signal pass (dry: plan and apply edits in memory) against
 * `tsc --noEmit -p` on the same generated project: wall time and peak RSS of each, in a child
 * process under /usr/bin/time -v. Needs `npm run build` first.
 *
 *   node bench/thread.mjs [files=1000] [seed=1]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [files = '1000', seed = '1'] = process.argv.slice(2);
const outDir = join(root, 'bench', '.generated', `project-${files}-${seed}`);
const generated = generateProject(outDir, Number(files), Number(seed));
const tsconfig = join(outDir, 'tsconfig.json');
const runner = join(root, 'dist', 'src', 'thread', 'run-thread.js');
if (!existsSync(runner)) throw new Error('run `npm run build` first');

/** Runs `node ...args` under /usr/bin/time -v: wall seconds, peak RSS, stdout. */
function run(args) {
  const result = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : NaN, stdout: result.stdout };
}

const tsc = run([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', tsconfig]);
const childScript = `
  const { computeThread } = await import(${JSON.stringify(runner)});
  const started = performance.now();
  const { files } = computeThread({ project: ${JSON.stringify(tsconfig)} });
  let changed = 0, edits = 0, manual = 0;
  for (const file of files.values()) {
    if (file.after !== undefined && file.after !== file.before) changed++;
    for (const f of file.findings) f.kind === 'edit' ? edits++ : manual++;
  }
  console.log(JSON.stringify({ changed, edits, manual, ms: Math.round(performance.now() - started) }));
`;
const thread = run(['--input-type=module', '-e', childScript]);
const counts = JSON.parse(thread.stdout.trim().split('\n').pop() || '{}');
const result = {
  files: generated.files,
  tsc: { seconds: tsc.seconds, peakRssMb: Math.round(tsc.rssMb) },
  thread: { seconds: thread.seconds, peakRssMb: Math.round(thread.rssMb), ...counts },
  ratio: { time: +(thread.seconds / tsc.seconds).toFixed(2), memory: +(thread.rssMb / tsc.rssMb).toFixed(2) },
};
console.log(JSON.stringify(result, null, 2));
