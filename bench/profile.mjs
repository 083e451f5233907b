// Where ctxmod's per-file time goes: the engine's phases timed in-process on one thread
// (discover, read, prefilter, parse, transform, print, write), the same steps processSource and
// run() take. Module loading is timed separately: every worker thread pays it once.
//
// Usage (after `npm run build`): node bench/profile.mjs <project dir>
// Also importable: `profileProject(dir, name)` returns a Markdown section. Writes to the project.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(import.meta.dirname, '..');

export async function profileProject(dir, name = dir) {
  const loadStarted = performance.now();
  const { discover } = await import(join(ROOT, 'dist/src/engine/discover.js'));
  const { getJscodeshift, getParserName, isTypeScriptPath } = await import(join(ROOT, 'dist/src/engine/parsers.js'));
  const { normalizeText, restoreText } = await import(join(ROOT, 'dist/src/engine/text.js'));
  const { selectTransforms } = await import(join(ROOT, 'dist/src/engine/process-source.js'));
  const { applyTransforms } = await import(join(ROOT, 'dist/src/engine/context.js'));
  const { printRoot } = await import(join(ROOT, 'dist/src/engine/print.js'));
  const { transforms } = await import(join(ROOT, 'dist/src/registry.js'));
  const load = performance.now() - loadStarted;

  const phases = { discover: 0, read: 0, prefilter: 0, parse: 0, transform: 0, print: 0, write: 0 };
  const time = (phase, fn) => {
    const started = performance.now();
    const value = fn();
    phases[phase] += performance.now() - started;
    return value;
  };
  const timeAsync = async (phase, fn) => {
    const started = performance.now();
    const value = await fn();
    phases[phase] += performance.now() - started;
    return value;
  };

  const files = await timeAsync('discover', async () => (await discover(['.'], { cwd: dir })).files);
  let candidates = 0;
  let changed = 0;
  let bytes = 0;
  let candidateBytes = 0;
  const options = { targetNode: '>=20.19' };
  const perTransform = new Map();
  const perTransformFiles = new Map();
  for (const file of files) {
    const raw = await timeAsync('read', () => readFile(file, 'utf8'));
    bytes += raw.length;
    const { text, shape } = normalizeText(raw);
    const selected = time('prefilter', () => selectTransforms(text, transforms));
    if (selected.length === 0) continue;
    candidates++;
    candidateBytes += raw.length;
    const j = getJscodeshift(getParserName(file, text));
    const root = time('parse', () => j(text));
    // One transform at a time on the same root: what applyTransforms does, timed per transform.
    const findings = [];
    for (const module of selected) {
      const started = performance.now();
      findings.push(...applyTransforms(j, root, { path: file, source: text, typescript: isTypeScriptPath(file) }, [module], options));
      const ms = performance.now() - started;
      phases.transform += ms;
      perTransform.set(module.meta.name, (perTransform.get(module.meta.name) ?? 0) + ms);
      perTransformFiles.set(module.meta.name, (perTransformFiles.get(module.meta.name) ?? 0) + 1);
    }
    if (!findings.some((finding) => finding.kind === 'edit')) continue;
    const printed = time('print', () => printRoot(root, text));
    if (printed === text) continue;
    changed++;
    await timeAsync('write', () => writeFile(file, restoreText(printed, shape)));
  }

  const total = Object.values(phases).reduce((a, b) => a + b, 0) + load;
  const lines = [
    `## Where ctxmod's time goes (${name}, one thread, in-process)`,
    '',
    `${files.length} files (${(bytes / 1024).toFixed(0)} KiB), ${candidates} candidates after the prefilter ` +
      `(${((candidates / files.length) * 100).toFixed(1)}%, ${(candidateBytes / 1024).toFixed(0)} KiB), ${changed} changed.`,
    '',
    '| Phase | ms | share |',
    '|---|---:|---:|',
    `| load modules (once per thread) | ${load.toFixed(0)} | ${((load / total) * 100).toFixed(1)}% |`,
    ...Object.entries(phases).map(([phase, ms]) => `| ${phase} | ${ms.toFixed(0)} | ${((ms / total) * 100).toFixed(1)}% |`),
    `| total | ${total.toFixed(0)} | 100% |`,
    '',
    'Transform time by transform (files its prefilter let through):',
    '',
    ...[...perTransform].map(([transform, ms]) => `- ${transform}: ${ms.toFixed(0)} ms on ${perTransformFiles.get(transform)} files`),
    '',
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node bench/profile.mjs <project dir>');
    process.exit(2);
  }
  process.stdout.write(await profileProject(resolve(dir)));
}
