import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processSource } from '../src/engine/process-source.ts';
import { getTransform } from '../src/registry.ts';
import { getUnaccountedHunks } from '../src/report/hunks.ts';

const ROOT = join(import.meta.dirname, '..', '__testfixtures__');

/** Every per-file fixture whose output differs from its input; thread-signal has its own tree fixtures. */
function getChangingCases(): { slug: string; name: string; inputPath: string; outputPath: string; optionsPath: string }[] {
  const cases = [];
  for (const slug of readdirSync(ROOT).sort()) {
    if (slug === 'thread-signal') continue;
    for (const file of readdirSync(join(ROOT, slug)).sort()) {
      const match = /^(.+)\.input\.([a-z]+)$/.exec(file);
      if (!match) continue;
      const [, name, ext] = match as unknown as [string, string, string];
      const outputPath = join(ROOT, slug, `${name}.output.${ext}`);
      if (!existsSync(outputPath)) continue;
      cases.push({ slug, name: `${name}.${ext}`, inputPath: join(ROOT, slug, file), outputPath, optionsPath: join(ROOT, slug, `${name}.options.json`) });
    }
  }
  return cases;
}

describe('every diff hunk is on a line the report names', () => {
  const cases = getChangingCases();
  it('covers the fixtures', () => {
    expect(cases.length).toBeGreaterThan(100);
  });
  it.each(cases)('$slug/$name', ({ slug, inputPath, outputPath, optionsPath }) => {
    const input = readFileSync(inputPath, 'utf8');
    const options = existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {};
    const result = processSource(inputPath, input, [getTransform(slug)!], options);
    expect(result.output).toBe(readFileSync(outputPath, 'utf8'));
    const edits = result.findings.filter((finding) => finding.kind === 'edit');
    expect(getUnaccountedHunks(input, result.output!, edits)).toEqual([]);
  });
});

it('a hunk away from every reported line is unaccounted', () => {
  const before = 'a\nb\nc\nd\n';
  expect(getUnaccountedHunks(before, 'a\nB\nc\nd\n', [{ line: 2 }])).toEqual([]);
  expect(getUnaccountedHunks(before, 'a\nB\nc\nD\n', [{ line: 2 }])).toEqual([{ line: 4, count: 1, lines: ['-d', '+D'] }]);
  // A pure insertion is accounted for by the line above or below it.
  expect(getUnaccountedHunks(before, 'a\nb\nX\nc\nd\n', [{ line: 2 }])).toEqual([]);
  expect(getUnaccountedHunks(before, 'a\nb\nX\nc\nd\n', [{ line: 3 }])).toEqual([]);
  // A diff may draw an insertion on either side of a blank line.
  expect(getUnaccountedHunks('a\n\nb\n', 'a\n\nX\n\nb\n', [{ line: 1 }])).toEqual([]);
  // A site that spans several lines accounts for a hunk inside it.
  expect(getUnaccountedHunks(before, 'a\nb\nc\nD\n', [{ line: 2, endLine: 4 }])).toEqual([]);
  expect(getUnaccountedHunks(before, 'a\nb\nX\nc\nd\n', [{ line: 4 }])).toEqual([{ line: 3, count: 0, lines: ['+X'] }]);
});
