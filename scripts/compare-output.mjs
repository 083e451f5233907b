// Output of `ctxmod migrate --dry --no-thread --json` on a set of directories, saved or compared
// with a saved run: a change to the engine's internals must leave every edit, finding and diff as
// it was, byte for byte.
//
// Usage (after `npm run build`):
//   node scripts/compare-output.mjs --save <file.json> <dir>...      record this build's output
//   node scripts/compare-output.mjs --against <file.json> <dir>...   compare with a recorded one
//   [--bin <path to bin/ctxmod.js>] (default: this checkout's) [--cpus N] (default 1)
// Test files are included. Run times (summary.durationMs, timings) are left out of the
// comparison. Exit 1 when anything differs; the first differences are printed.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const { values: flags, positionals: dirs } = parseArgs({
  allowPositionals: true,
  options: {
    save: { type: 'string' },
    against: { type: 'string' },
    bin: { type: 'string', default: join(ROOT, 'bin', 'ctxmod.js') },
    cpus: { type: 'string', default: '1' },
  },
});
if (!flags.save === !flags.against) fail('give exactly one of --save <file> or --against <file>');
if (dirs.length === 0) fail('give at least one directory');

const outputs = {};
for (const dir of dirs) {
  const args = [resolve(flags.bin), 'migrate', '--dry', '--no-thread', '--json', '--include-tests', `--cpus=${flags.cpus}`, resolve(dir)];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (child.error) fail(`${dir}: ${child.error.message}`);
  let report;
  try {
    report = JSON.parse(child.stdout);
  } catch {
    fail(`${dir}: no JSON report (exit ${child.status}): ${child.stderr.slice(0, 2000)}`);
  }
  delete report.summary.durationMs;
  delete report.timings;
  outputs[resolve(dir)] = report;
  const { files, changed, edits, manual, errors } = report.summary;
  console.error(`${dir}: ${files} files, ${changed} changed, ${edits} edits, ${manual} manual, ${errors} errors`);
}

if (flags.save) {
  writeFileSync(flags.save, JSON.stringify(outputs, null, 2) + '\n');
  console.error(`saved to ${flags.save}`);
} else {
  const saved = JSON.parse(readFileSync(flags.against, 'utf8'));
  const differences = [];
  for (const dir of dirs.map((d) => resolve(d))) {
    if (!(dir in saved)) {
      differences.push(`${dir}: not in ${flags.against}`);
      continue;
    }
    const before = new Map(saved[dir].files.map((file) => [file.path, file]));
    const after = new Map(outputs[dir].files.map((file) => [file.path, file]));
    for (const path of new Set([...before.keys(), ...after.keys()])) {
      const a = JSON.stringify(before.get(path) ?? null);
      const b = JSON.stringify(after.get(path) ?? null);
      if (a !== b) differences.push(`${dir}/${path}:\n  before ${a.slice(0, 600)}\n  after  ${b.slice(0, 600)}`);
    }
    const rest = (report) => JSON.stringify({ ...report, files: undefined });
    if (rest(saved[dir]) !== rest(outputs[dir])) differences.push(`${dir}: summary or warnings differ:\n  before ${rest(saved[dir])}\n  after  ${rest(outputs[dir])}`);
  }
  if (differences.length > 0) {
    console.error(differences.slice(0, 20).join('\n'));
    console.error(`${differences.length} difference(s)`);
    process.exit(1);
  }
  console.error('identical');
}

function fail(message) {
  console.error(`compare-output: ${message}`);
  process.exit(2);
}
