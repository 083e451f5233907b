// Benchmark: ctxmod against the baselines a user would compare it to, in the same run.
//
// Usage (after `npm run build`; `npm run bench` does both):
//   node bench/run.mjs [--sizes 250,1000,4000] [--runs 3] [--real <dir>]... [--ast-grep <bin>]
//                      [--out bench/RESULTS.md] [--smoke] [--no-profile]
// --smoke: N = 100, one run, no real code base, results not written (CI; asserts nothing about time).
//
// Every measured run of a tool that writes gets a fresh copy of the project. Time is wall time
// of the whole command; peak RSS comes from `/usr/bin/time -f %M`, which reports the largest
// single process of the tree (jscodeshift's child workers are separate processes: its figure is
// the largest of them or of the parent; ctxmod's worker threads live in its one process).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { glob } from 'tinyglobby';
import { generateProject } from './generate.mjs';
import { profileProject } from './profile.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'ctxmod.js');
const JSCODESHIFT = join(ROOT, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const TIME = '/usr/bin/time';
const EXTENSIONS = 'ts,tsx,mts,cts';

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string', default: '250,1000,4000' },
    runs: { type: 'string', default: '3' },
    real: { type: 'string', multiple: true, default: [] },
    'ast-grep': { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'bench', 'RESULTS.md') },
    smoke: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: true },
    'no-profile': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const smoke = flags.smoke;
const sizes = smoke ? [100] : flags.sizes.split(',').map(Number);
const runs = smoke ? 1 : Number(flags.runs);
const realRoots = smoke ? [] : flags.real.map((dir) => resolve(dir));
const work = mkdtempSync(join(tmpdir(), 'ctxmod-bench-'));

// What the CLI offers: migrate without its cross-file pass, and the pass alone (its own script,
// as the CLI has no command for it).
const migrateHelp = spawnSync(process.execPath, [BIN, 'migrate', '--help'], { encoding: 'utf8' }).stdout;
const MIGRATE_FLAGS = /--no-thread\b|--\[no-\]thread\b|--thread\b/.test(migrateHelp) ? ['--no-thread'] : [];
// The same files as the jscodeshift rows, test files included.
if (/--include-tests\b/.test(migrateHelp)) MIGRATE_FLAGS.push('--include-tests');
const THREAD_PASS = join(ROOT, 'bench', 'thread-pass.mjs');
const THREAD_ONLY = existsSync(join(ROOT, 'dist', 'src', 'thread', 'run-thread.js')) ? [THREAD_PASS] : undefined;
const AST_GREP = getAstGrep();

/** The rows, in table order. `run(dir)` returns the argv; `writes`: needs a fresh copy per run. */
const TOOLS = [
  {
    id: 'jscodeshift-parse',
    label: 'jscodeshift, parse-only transform (1)',
    writes: true,
    argv: (dir) => jscodeshift(dir, 'parse-only.cjs'),
  },
  {
    id: 'jscodeshift-noparse',
    label: 'jscodeshift, no-parse transform (floor)',
    writes: true,
    argv: (dir) => jscodeshift(dir, 'no-parse.cjs'),
  },
  {
    id: 'ctxmod-migrate',
    label: `ctxmod migrate${MIGRATE_FLAGS.length ? ' ' + MIGRATE_FLAGS.join(' ') : ''} (2)`,
    writes: true,
    argv: (dir) => [process.execPath, BIN, 'migrate', ...MIGRATE_FLAGS, '--quiet', '--force', `--extensions=${EXTENSIONS}`, '.'],
  },
  {
    id: 'tsc',
    label: 'tsc --noEmit -p (3)',
    writes: false,
    argv: (dir) => [process.execPath, TSC, '--noEmit', '-p', getTsconfig(dir)],
    // A real code base without its dependencies installed has type errors: timed all the same.
    okStatus: [0, 1, 2],
  },
  {
    id: 'ctxmod-thread',
    label: 'ctxmod thread pass alone (4)',
    writes: true,
    available: THREAD_ONLY !== undefined,
    argv: (dir) => [process.execPath, ...(THREAD_ONLY ?? []), getTsconfig(dir)],
  },
  {
    id: 'ast-grep',
    label: 'ast-grep scan, one pattern (ref.)',
    writes: false,
    available: AST_GREP !== undefined,
    argv: (dir) => [AST_GREP, 'run', '--pattern', 'setTimeout($$$ARGS)', '--lang', 'ts', '--json=compact', dir],
    // Like grep, ast-grep exits 1 when nothing matches.
    okStatus: [0, 1],
  },
];

function jscodeshift(dir, transform) {
  return [
    process.execPath,
    JSCODESHIFT,
    '--transform',
    join(ROOT, 'bench', 'transforms', transform),
    `--extensions=${EXTENSIONS}`,
    '--ignore-pattern=**/node_modules/**',
    '--ignore-pattern=**/*.d.ts',
    '--silent',
    dir,
  ];
}

function getAstGrep() {
  const local = join(ROOT, 'node_modules', '.bin', 'ast-grep');
  if (existsSync(local)) return local;
  if (flags['ast-grep'] && existsSync(flags['ast-grep'])) return resolve(flags['ast-grep']);
  return undefined;
}

/** The real code bases get a tsconfig of their own (see prepareReal); generated ones have one. */
function getTsconfig(dir) {
  const bench = join(dir, BENCH_TSCONFIG);
  return existsSync(bench) ? bench : join(dir, 'tsconfig.json');
}

const BENCH_TSCONFIG = 'tsconfig.ctxmod-bench.json';

/**
 * A copy of a real code base to measure. Its tsconfig is extended with `ignoreDeprecations`:
 * TypeScript 6 stops before type-checking on options it deprecated (moduleResolution node10),
 * which would time nothing. Its dependencies are not installed: tsc reports what it cannot
 * resolve, and is timed all the same.
 */
function prepareReal(source) {
  const name = source.split('/').filter(Boolean).pop();
  const dir = join(work, `real-${name}`);
  cpSync(source, dir, { recursive: true, filter: (path) => !path.includes('/node_modules/') && !path.endsWith('/.git') });
  if (existsSync(join(dir, 'tsconfig.json'))) {
    writeFileSync(join(dir, BENCH_TSCONFIG), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { ignoreDeprecations: '6.0' } }) + '\n');
  }
  return { name, dir };
}

/** One timed run: wall ms, peak RSS (KiB) of the largest process, exit status. */
function measure(argv, cwd) {
  const rssFile = join(work, 'rss.txt');
  const started = performance.now();
  const result = spawnSync(TIME, ['-f', '%M', '-o', rssFile, ...argv], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - started;
  const rss = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  return { ms, rssKb: rss, status: result.status, stderr: result.stderr };
}

/** Measures every tool on one project, runs interleaved so that machine noise hits all alike. */
function measureProject(name, pristine, files) {
  const samples = new Map(TOOLS.map((tool) => [tool.id, []]));
  for (let round = 0; round < runs; round++) {
    for (const tool of TOOLS) {
      if (tool.available === false) continue;
      let dir = pristine;
      if (tool.writes) {
        dir = join(work, `copy-${tool.id}`);
        rmSync(dir, { recursive: true, force: true });
        cpSync(pristine, dir, { recursive: true });
      }
      const sample = measure(tool.argv(dir), dir);
      const ok = (tool.okStatus ?? [0]).includes(sample.status);
      if (!ok) process.stderr.write(`bench: ${tool.id} on ${name} exited ${sample.status}: ${sample.stderr.slice(0, 2000)}\n`);
      samples.get(tool.id).push({ ...sample, ok });
      process.stderr.write(`  ${name} ${tool.id} run ${round + 1}/${runs}: ${(sample.ms / 1000).toFixed(2)}s ${(sample.rssKb / 1024).toFixed(0)} MiB\n`);
      if (tool.writes) rmSync(dir, { recursive: true, force: true });
    }
  }
  const rows = TOOLS.map((tool) => {
    const list = samples.get(tool.id);
    if (tool.available === false || list.length === 0) return { tool, available: false };
    const times = list.map((sample) => sample.ms).sort((a, b) => a - b);
    return {
      tool,
      available: true,
      ok: list.every((sample) => sample.ok),
      status: list.map((sample) => sample.status),
      min: times[0],
      median: median(times),
      rssKb: Math.max(...list.map((sample) => sample.rssKb)),
    };
  });
  return { name, files, rows };
}

function median(sorted) {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function row(result, id) {
  return result.rows.find((entry) => entry.tool.id === id);
}

/** Ratio of two rows by `stat` ('min' or 'median'). */
function ratio(a, b, stat = 'median') {
  return a?.available && b?.available ? a[stat] / b[stat] : undefined;
}

function rssRatio(a, b) {
  return a?.available && b?.available ? a.rssKb / b.rssKb : undefined;
}

const fmt = {
  s: (ms) => (ms === undefined ? '–' : (ms / 1000).toFixed(2)),
  mib: (kb) => (kb === undefined ? '–' : (kb / 1024).toFixed(0)),
  x: (value) => (value === undefined ? 'n/a' : value.toFixed(2) + 'x'),
};

function verdict(value, target) {
  if (value === undefined) return 'not available';
  return value <= target ? 'met' : 'missed';
}

function renderProject(result) {
  const lines = [];
  lines.push(`### ${result.name} (${result.files} files)`, '');
  lines.push('| Measurement | min s | median s | peak RSS MiB | vs (1), min / median | vs tsc (3), min / median | exit |');
  lines.push('|---|---:|---:|---:|---:|---:|---|');
  const jscs = row(result, 'jscodeshift-parse');
  const tsc = row(result, 'tsc');
  for (const entry of result.rows) {
    if (!entry.available) {
      lines.push(`| ${entry.tool.label} | not available | | | | | |`);
      continue;
    }
    lines.push(
      `| ${entry.tool.label} | ${fmt.s(entry.min)} | ${fmt.s(entry.median)} | ${fmt.mib(entry.rssKb)} | ${fmt.x(ratio(entry, jscs, 'min'))} / ${fmt.x(ratio(entry, jscs))} | ${fmt.x(ratio(entry, tsc, 'min'))} / ${fmt.x(ratio(entry, tsc))} | ${entry.ok ? 'ok' : 'FAILED'} (${[...new Set(entry.status)].join(',')}) |`,
    );
  }
  lines.push('');
  // Verdicts on the ratio of minimums: on a shared machine noise only ever adds time, so the
  // fastest run of each tool is the best estimate of its cost. Medians are shown alongside.
  const migrate = ratio(row(result, 'ctxmod-migrate'), jscs, 'min');
  const thread = ratio(row(result, 'ctxmod-thread'), tsc, 'min');
  const threadRss = rssRatio(row(result, 'ctxmod-thread'), tsc);
  const medians = (value) => `, median ${fmt.x(value)}`;
  lines.push(`- (2)/(1) = ${fmt.x(migrate)} by min${medians(ratio(row(result, 'ctxmod-migrate'), jscs))} (target <= 0.35x): ${verdict(migrate, 0.35)}`);
  lines.push(`- (4)/(3) time = ${fmt.x(thread)} by min${medians(ratio(row(result, 'ctxmod-thread'), tsc))} (target <= 1.0x): ${verdict(thread, 1.0)}`);
  lines.push(`- (4)/(3) peak RSS = ${fmt.x(threadRss)} (target <= 1.5x): ${verdict(threadRss, 1.5)}`);
  lines.push('');
  return lines.join('\n');
}

/** Least-squares slope of log(time) against log(N). */
function fitExponent(points) {
  const usable = points.filter((point) => point.ms > 0);
  if (usable.length < 2) return undefined;
  const xs = usable.map((point) => Math.log(point.files));
  const ys = usable.map((point) => Math.log(point.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? undefined : num / den;
}

function renderScaling(results) {
  const generated = results.filter((result) => result.generated);
  if (generated.length < 2) return 'Scaling: needs at least two sizes.\n';
  const lines = ['| Measurement | ' + generated.map((result) => `N=${result.files} min / median s`).join(' | ') + ' | exponent (min / median) |'];
  lines.push('|---|' + generated.map(() => '---:|').join('') + '---:|');
  for (const tool of TOOLS) {
    const entries = generated.map((result) => row(result, tool.id));
    if (entries.some((entry) => !entry.available)) {
      lines.push(`| ${tool.label} | ${generated.map(() => '–').join(' | ')} | not available |`);
      continue;
    }
    const exponent = (stat) => fitExponent(entries.map((entry, index) => ({ files: generated[index].files, ms: entry[stat] })))?.toFixed(2) ?? 'n/a';
    lines.push(`| ${tool.label} | ${entries.map((entry) => `${fmt.s(entry.min)} / ${fmt.s(entry.median)}`).join(' | ')} | ${exponent('min')} / ${exponent('median')} |`);
  }
  const migrateExponent = fitExponent(generated.map((result) => ({ files: result.files, ms: row(result, 'ctxmod-migrate').min })));
  lines.push('', `- ctxmod migrate fitted exponent (min) = ${migrateExponent?.toFixed(2) ?? 'n/a'} (target <= 1.1): ${verdict(migrateExponent, 1.1)}`);
  const threadEntries = generated.map((result) => row(result, 'ctxmod-thread'));
  const threadExponent = threadEntries.every((entry) => entry.available)
    ? fitExponent(threadEntries.map((entry, index) => ({ files: generated[index].files, ms: entry.min })))
    : undefined;
  lines.push(`- ctxmod thread pass fitted exponent (min) = ${threadExponent?.toFixed(2) ?? 'n/a'} (target <= 1.1): ${verdict(threadExponent, 1.1)}`);
  return lines.join('\n') + '\n';
}

async function countSourceFiles(dir) {
  const files = await glob(EXTENSIONS.split(',').map((ext) => `**/*.${ext}`), {
    cwd: dir,
    ignore: ['**/node_modules/**', '**/*.d.ts'],
  });
  return files.length;
}

// ---------------------------------------------------------------------------------------------

const startedAt = new Date();
const results = [];
for (const size of sizes) {
  const dir = join(work, `generated-${size}`);
  const generated = generateProject({ out: dir, files: size, seed: 1 });
  process.stderr.write(`bench: generated ${generated.files} files in ${dir}\n`);
  results.push({ ...measureProject(`generated, N=${size}`, dir, await countSourceFiles(dir)), generated: true, dir });
}
for (const realRoot of realRoots) {
  const { name, dir } = prepareReal(realRoot);
  results.push(measureProject(`real: ${name}`, dir, await countSourceFiles(dir)));
}

// Where ctxmod's time goes, in-process on one thread, on the middle generated project.
let profile = '';
if (flags.profile && !flags['no-profile'] && !smoke) {
  const target = results.filter((result) => result.generated).sort((a, b) => Math.abs(a.files - 1000) - Math.abs(b.files - 1000))[0];
  if (target) {
    const copy = join(work, 'profile-copy');
    cpSync(target.dir, copy, { recursive: true });
    profile = await profileProject(copy, `generated, N=${target.files}`);
    rmSync(copy, { recursive: true, force: true });
  }
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}`;
const header = [
  '# Benchmark results',
  '',
  `Generated by \`npm run bench\` (bench/run.mjs) on ${startedAt.toISOString().slice(0, 10)}: ${machine}.`,
  `Runs per measurement: ${runs} (min and median of wall time; peak RSS = the largest single process of the tree, max over runs). Verdicts use the ratio of minimums (noise on a shared machine only adds time); median ratios are shown alongside.`,
  `Thread pass: ${THREAD_ONLY ? '`node bench/thread-pass.mjs <tsconfig>`' : 'not available in this build'}; migrate flags: ${MIGRATE_FLAGS.join(' ') || '(none: no thread pass to turn off)'}; ast-grep: ${AST_GREP ? 'yes' : 'not found'}.`,
  '',
].join('\n');
const body = results.map(renderProject).join('\n') + '\n## Scaling (generated projects)\n\n' + renderScaling(results) + (profile ? '\n' + profile : '');
const output = header + '\n' + body;
process.stdout.write(output);
if (!smoke) {
  // The hand-written analysis at the end of the file (from "## Analysis" on) survives a re-run.
  const previous = existsSync(flags.out) ? readFileSync(flags.out, 'utf8') : '';
  const analysis = previous.indexOf('\n## Analysis');
  writeFileSync(flags.out, output + (analysis >= 0 ? previous.slice(analysis) : ''));
  process.stderr.write(`bench: wrote ${flags.out}\n`);
}
if (!flags.keep) rmSync(work, { recursive: true, force: true });
const failed = results.flatMap((result) => result.rows.filter((entry) => entry.available && !entry.ok));
process.exitCode = failed.length > 0 ? 1 : 0;
