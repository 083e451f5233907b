import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processSource } from '../src/engine/process-source.ts';
import { normalizeText } from '../src/engine/text.ts';
import { transforms } from '../src/registry.ts';

const FIXTURES = join(import.meta.dirname, '..', '__testfixtures__');
const inputs = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.input\.[cm]?[jt]sx?$/.test(file))
  .sort();

/** Every transform with a prefilter that lets everything through. */
const unfiltered = transforms.map((module) => ({ ...module, meta: { ...module.meta, mayApply: () => true } }));

describe('prefilters only ever widen', () => {
  it.each(inputs)('each transform that finds something in %s is let through by its prefilter', (file) => {
    const source = readFileSync(join(FIXTURES, file), 'utf8');
    const { findings } = processSource(file, source, unfiltered, { runtime: 'node' });
    const finding = new Set(findings.map((found) => found.transform));
    const text = normalizeText(source).text;
    const missed = transforms.filter((module) => finding.has(module.meta.name) && !module.meta.mayApply(text)).map((module) => module.meta.name);
    expect(missed).toEqual([]);
  });
});
