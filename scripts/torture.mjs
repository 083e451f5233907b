// Runs ctxmod over third-party code nobody here wrote and checks that it survives:
//   no internal errors, changed files still parse, every diff hunk is on a line the report names,
//   a second run changes nothing, `check` (when
//   the CLI has it) finishes with a valid SARIF log, peak memory is reported.
//
// Usage (after `npm run build`):
//   node scripts/torture.mjs [--root dir]... [--limit N] [--cpus N] [--heap-mb N] [--out summary.md] [--keep]
// Default root: the project's node_modules. --limit N takes an evenly spread, deterministic
// slice of N files (CI runs a few hundred). --heap-mb caps each ctxmod thread's V8 heap: with
// the default, V8 grows the heap lazily and peak RSS says more about the GC than about what
// ctxmod keeps; with a cap, a run over twice the files should peak near the same RSS.
// Exit 0 when every assertion holds, 1 otherwise.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { glob } from 'tinyglobby';
import { getSarifValidator } from './validate-sarif.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'ctxmod.js');
const { getJscodeshift, getParserName } = await import(join(ROOT, 'dist/src/engine/parsers.js'));
const { normalizeText } = await import(join(ROOT, 'dist/src/engine/text.js'));
const { processSource } = await import(join(ROOT, 'dist/src/engine/process-source.js'));
const { transforms } = await import(join(ROOT, 'dist/src/registry.js'));
const { getUnaccountedHunks } = await import(join(ROOT, 'dist/src/report/hunks.js'));

const { values: flags } = parseArgs({
  options: {
    root: { type: 'string', multiple: true },
    limit: { type: 'string' },
    cpus: { type: 'string' },
    'heap-mb': { type: 'string' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];
const roots = (flags.root ?? [join(ROOT, 'node_modules')]).map((root) => resolve(root));
const failures = [];
const fail = (message) => failures.push(message);

// 1. The corpus: every source file under the roots, declaration files aside.
const found = [];
for (const [index, root] of roots.entries()) {
  const files = await glob(EXTENSIONS.map((ext) => `**/*.${ext}`), {
    cwd: root,
    ignore: ['**/*.d.ts', '**/*.d.mts', '**/*.d.cts', '**/.cache/**'],
    dot: true,
    followSymbolicLinks: false,
  });
  for (const file of files.sort()) found.push({ root, index, file });
}
const limit = flags.limit === undefined ? found.length : Number(flags.limit);
const corpus = getEvenSlice(found, limit);
if (corpus.length === 0) {
  console.error('torture: no files found under ' + roots.join(', '));
  process.exit(2);
}

// 2. A copy: ctxmod skips node_modules directories, so each path segment named node_modules
//    becomes `nm`; the copy lives in a fresh git repository so no dirty-tree guard is involved.
const work = mkdtempSync(join(tmpdir(), 'ctxmod-torture-'));
const target = join(work, 'corpus');
const byExtension = {};
/** Report path (relative to `work`) -> the original file. */
const originals = new Map();
for (const { root, index, file } of corpus) {
  const to = join(target, String(index), file.split('/').map((part) => (part === 'node_modules' ? 'nm' : part)).join('/'));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(join(root, file), to);
  originals.set(relative(work, to).split('\\').join('/'), join(root, file));
  const ext = extname(file).slice(1);
  byExtension[ext] = (byExtension[ext] ?? 0) + 1;
}

// 3. First run: the real bin, workers and all, under /usr/bin/time for peak memory. Every file of
// the corpus, test files included: the point is that nothing breaks ctxmod.
const ALL_FILES = /--include-tests\b/.test(spawnSync(process.execPath, [BIN, 'migrate', '--help'], { encoding: 'utf8' }).stdout) ? ['--include-tests'] : [];
const first = runCtxmod(['migrate', target, '--json', '--force', ...ALL_FILES]);
const report = first.report;
const counts = { changed: 0, unchanged: 0, skipped: 0, error: 0 };
const editsByTransform = Object.fromEntries(transforms.map((module) => [module.meta.name, 0]));
const manualByTransform = { ...editsByTransform };
const parseErrors = [];
for (const file of report?.files ?? []) {
  counts[file.status] += 1;
  for (const edit of file.edits) editsByTransform[edit.transform] = (editsByTransform[edit.transform] ?? 0) + 1;
  for (const site of file.manual) manualByTransform[site.transform] = (manualByTransform[site.transform] ?? 0) + 1;
  if (file.status !== 'error') continue;
  if (file.error?.message.startsWith('internal error')) fail(`internal error in ${file.path}: ${file.error.message.split('\n')[0]}`);
  else if (file.error?.line === undefined) fail(`error without a location in ${file.path}: ${file.error?.message}`);
  else parseErrors.push(`${file.path}:${file.error.line}:${file.error.column} ${file.error.message}`);
}
if (report && report.files.length !== corpus.length) fail(`the report lists ${report.files.length} files, the corpus has ${corpus.length}`);

// 4. Every changed file still parses with the parser ctxmod picked for it.
const changed = (report?.files ?? []).filter((file) => file.status === 'changed');
for (const file of changed) {
  const path = resolve(first.cwd, file.path);
  const text = normalizeText(readFileSync(path, 'utf8')).text;
  try {
    getJscodeshift(getParserName(path, text))(text);
  } catch (error) {
    fail(`${file.path} no longer parses: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// 5. Every diff hunk of a changed file is on a line one of its reported edits names.
const unaccounted = [];
for (const file of changed) {
  const original = originals.get(file.path);
  if (original === undefined) continue;
  const after = readFileSync(resolve(first.cwd, file.path), 'utf8');
  for (const hunk of getUnaccountedHunks(readFileSync(original, 'utf8'), after, file.edits)) {
    unaccounted.push(`${file.path}:${hunk.line} ${hunk.lines.slice(0, 4).join(' | ').slice(0, 200)}`);
  }
}
if (unaccounted.length > 0) fail(`${unaccounted.length} diff hunks are on no line the report names (see above)`);

// 6. A second run changes nothing, file by file.
const second = runCtxmod(['migrate', target, '--json', '--force', ...ALL_FILES]);
for (const file of second.report?.files ?? []) {
  if (file.status === 'changed') fail(`not idempotent: the second run changed ${file.path} again`);
}

// 7. `ctxmod check` over the result, when the CLI has it: finishes, and its SARIF log holds.
let checkNote = 'skipped (the CLI has no check command)';
if (/\bctxmod check\b/.test(spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout)) {
  const sarifPath = join(work, 'check.sarif');
  const check = spawnSync(process.execPath, [BIN, 'check', target, '--format', 'sarif', '--output', sarifPath, ...ALL_FILES], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (check.status !== 0 && check.status !== 1) fail(`ctxmod check exited ${check.status}: ${check.stderr.slice(0, 500)}`);
  else checkNote = validateSarif(sarifPath);
}

// 8. Where the time goes: every original file once more, in this thread, timed.
const timings = [];
for (const file of report?.files ?? []) {
  const original = originals.get(file.path);
  if (file.status === 'skipped' || original === undefined) continue;
  const raw = readFileSync(original, 'utf8');
  const started = performance.now();
  const result = processSource(file.path, raw, transforms, {});
  if (result.parsed) timings.push({ path: file.path, ms: performance.now() - started, bytes: raw.length });
}
timings.sort((a, b) => b.ms - a.ms);

// 9. Summary.
const lines = [
  `# ctxmod torture run`,
  '',
  `Corpus: ${corpus.length} files (${Object.entries(byExtension).sort().map(([ext, n]) => `${n} .${ext}`).join(', ')}) from ${roots.map((root) => relative(ROOT, root) || '.').join(', ')}`,
  '',
  '| status | files |',
  '|---|---|',
  ...Object.entries(counts).map(([status, n]) => `| ${status} | ${n} |`),
  '',
  `First run: ${formatSeconds(first.ms)}, peak RSS ${formatRss(first.rssKb)}${flags['heap-mb'] ? ` (heap capped at ${flags['heap-mb']} MB)` : ''}; second run: ${formatSeconds(second.ms)}, ${second.report?.summary.changed ?? '?'} changed.`,
  `Parsed in-process for timing: ${timings.length} files, ${formatSeconds(timings.reduce((sum, t) => sum + t.ms, 0))} in all.`,
  `Check: ${checkNote}`,
  '',
  '| transform | edits | manual |',
  '|---|---|---|',
  ...Object.keys(editsByTransform).map((name) => `| ${name} | ${editsByTransform[name]} | ${manualByTransform[name] ?? 0} |`),
  '',
  'Slowest files:',
  '',
  ...timings.slice(0, 10).map((t) => `- ${t.path}: ${t.ms.toFixed(0)} ms (${(t.bytes / 1024).toFixed(0)} KiB)`),
  '',
  `Unaccounted diff hunks (${unaccounted.length}):`,
  '',
  ...unaccounted.slice(0, 50).map((hunk) => `- ${hunk}`),
  '',
  `Parse errors (${parseErrors.length}):`,
  '',
  ...parseErrors.slice(0, 50).map((error) => `- ${error}`),
  '',
  failures.length === 0 ? 'All assertions hold.' : `FAILED (${failures.length}):`,
  ...failures.slice(0, 100).map((failure) => `- ${failure}`),
];
const summary = lines.join('\n') + '\n';
process.stdout.write(summary);
if (flags.out) writeFileSync(flags.out, summary);
if (!flags.keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
process.exit(failures.length === 0 ? 0 : 1);

/** Runs the bin, timed, with peak RSS from /usr/bin/time when the machine has it. */
function runCtxmod(args) {
  const cpus = flags.cpus ? ['--cpus', flags.cpus] : [];
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const command = timeBin ? [timeBin, '-f', 'maxrss=%M', process.execPath, BIN, ...args, ...cpus] : [process.execPath, BIN, ...args, ...cpus];
  const started = performance.now();
  const heap = flags['heap-mb'] ? { NODE_OPTIONS: `--max-old-space-size=${flags['heap-mb']}` } : {};
  const result = spawnSync(command[0], command.slice(1), {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...heap, NO_COLOR: '1' },
  });
  const ms = performance.now() - started;
  const rssKb = Number(/maxrss=(\d+)/.exec(result.stderr ?? '')?.[1]) || undefined;
  if (result.error || (result.status !== 0 && result.status !== 1)) {
    fail(`ctxmod ${args[0]} exited ${result.status ?? result.error?.message}: ${(result.stderr ?? '').slice(0, 1000)}`);
    return { ms, rssKb, cwd: work, report: undefined };
  }
  try {
    return { ms, rssKb, cwd: work, report: JSON.parse(result.stdout) };
  } catch {
    fail(`ctxmod ${args[0]} printed no JSON report`);
    return { ms, rssKb, cwd: work, report: undefined };
  }
}

/** The log must exist, parse and hold against the SARIF 2.1.0 schema. */
function validateSarif(path) {
  if (!existsSync(path) || statSync(path).size === 0) {
    fail('ctxmod check wrote no SARIF log');
    return 'no SARIF log';
  }
  let log;
  try {
    log = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`the SARIF log is not JSON: ${error.message}`);
    return 'invalid JSON';
  }
  const errors = getSarifValidator()(log);
  for (const error of errors.slice(0, 20)) fail(`the SARIF log breaks the schema: ${error}`);
  const results = log.runs?.[0]?.results?.length ?? 0;
  return `${results} results, SARIF ${log.version}, ${errors.length === 0 ? 'valid' : `${errors.length} schema errors`}`;
}

/** N items spread evenly over the sorted list: the same slice every time. */
function getEvenSlice(items, count) {
  if (count >= items.length) return items;
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]);
}

function formatSeconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function formatRss(kb) {
  return kb === undefined ? 'unknown' : `${(kb / 1024).toFixed(0)} MiB`;
}
