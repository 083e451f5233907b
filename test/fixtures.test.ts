import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getJscodeshift, getParserName } from '../src/engine/parsers.ts';
import { processSource } from '../src/engine/process-source.ts';
import { normalizeText } from '../src/engine/text.ts';
import { getTransform } from '../src/registry.ts';
import type { Finding, TransformOptions } from '../src/types.ts';

const ROOT = join(import.meta.dirname, '..', '__testfixtures__');

interface FixtureCase {
  name: string;
  inputPath: string;
  outputPath?: string;
  findingsPath?: string;
  options: TransformOptions;
}

/**
 * `<case>.input.<ext>` with `<case>.output.<ext>` (no output file, or a `no-change-*` name: the
 * input must come out unchanged). Optional `<case>.findings.txt`: the exact findings, one per
 * line; optional `<case>.options.json`: transform options.
 */
function getCases(slug: string): FixtureCase[] {
  const dir = join(ROOT, slug);
  const cases: FixtureCase[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = /^(.+)\.input\.([a-z]+)$/.exec(file);
    if (!match) continue;
    const [, name, ext] = match as unknown as [string, string, string];
    const outputPath = join(dir, `${name}.output.${ext}`);
    const findingsPath = join(dir, `${name}.findings.txt`);
    const optionsPath = join(dir, `${name}.options.json`);
    if (name.startsWith('no-change') && existsSync(outputPath)) {
      throw new Error(`${slug}/${name}: a no-change case must not have an output file`);
    }
    cases.push({
      name: `${name}.${ext}`,
      inputPath: join(dir, file),
      outputPath: existsSync(outputPath) ? outputPath : undefined,
      findingsPath: existsSync(findingsPath) ? findingsPath : undefined,
      options: existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {},
    });
  }
  return cases;
}

export function formatFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.line}:${f.column} ${f.kind}${f.suppressed ? ' suppressed' : ''} ${f.message}`).join('\n');
}

const slugs = readdirSync(ROOT, { withFileTypes: true })
  // thread-signal is a cross-file pass with its own tree fixtures (test/thread-signal.test.ts).
  .filter((entry) => entry.isDirectory() && entry.name !== 'thread-signal')
  .map((entry) => entry.name)
  .sort();

describe.each(slugs)('%s', (slug) => {
  const module = getTransform(slug);
  it('is a registered transform', () => {
    expect(module, `__testfixtures__/${slug} has no transform of that name in the registry`).toBeDefined();
  });
  if (!module) return;

  it.each(getCases(slug))('$name', (fixture) => {
    const input = readFileSync(fixture.inputPath, 'utf8');
    const expected = fixture.outputPath ? readFileSync(fixture.outputPath, 'utf8') : input;
    const result = processSource(fixture.inputPath, input, [module], fixture.options);

    expect(result.error).toBeUndefined();
    expect(result.output ?? input).toBe(expected);
    expect(result.status).toBe(expected === input ? 'unchanged' : 'changed');
    if (fixture.findingsPath) {
      expect(formatFindings(result.findings)).toBe(readFileSync(fixture.findingsPath, 'utf8').trimEnd());
    }

    // A second run changes nothing.
    const again = processSource(fixture.inputPath, expected, [module], fixture.options);
    expect(again.error).toBeUndefined();
    expect(again.output ?? expected).toBe(expected);

    // The output still parses with the parser the engine picks for this file.
    const { text } = normalizeText(expected);
    expect(() => getJscodeshift(getParserName(fixture.inputPath, text))(text)).not.toThrow();
  });
});
